#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QStringList>

class QTextBrowser;

namespace fbm {

/// The keys the guide names, from the window's actions: they stay right in every language and
/// whatever the platform's keys are.
struct HelpKeys
{
    QKeySequence newExport;
    QKeySequence cancel;
    QKeySequence retry;
    QKeySequence download;
    QKeySequence openFolder;
    QKeySequence remove;
};

/// Help > Guide (F1): a short offline guide for someone new to exports: what an export is, the
/// system, Patient and Group levels, what each state means, where the files go, when they
/// expire, how to cancel and run again, and what quitting does. Written as translatable
/// sentences, so the Danish guide comes from the same translation file as the rest.
class HelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpDialog)
public:
    explicit HelpDialog(const HelpKeys &keys, QWidget *parent = nullptr);
    ~HelpDialog() override;

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }

    /// The guide as HTML, in the current language.
    [[nodiscard]] static QString guideHtml(const HelpKeys &keys);
    /// Its section headings, in order.
    [[nodiscard]] static QStringList headings();

private:
    QTextBrowser *m_browser;
};

} // namespace fbm
