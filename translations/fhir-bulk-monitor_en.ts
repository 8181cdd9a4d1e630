<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>NewExportDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <extracomment>%n is a number of patients</extracomment>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server lists %n group(s); pick one or type its id.</source>
        <translation>
            <numerusform>The server lists %Ln group; pick one or type its id.</numerusform>
            <numerusform>The server lists %Ln groups; pick one or type its id.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::AttachmentFetch</name>
    <message numerus="yes">
        <source>%n attachment(s) on another server (%1) were not fetched: only the export&apos;s own server is asked.</source>
        <extracomment>%1 is a host name</extracomment>
        <translation>
            <numerusform>%n attachment on another server (%1) was not fetched: only the export&apos;s own server is asked.</numerusform>
            <numerusform>%n attachments on another server (%1) were not fetched: only the export&apos;s own server is asked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) to fetch.</source>
        <translation>
            <numerusform>%n attachment to fetch.</numerusform>
            <numerusform>%n attachments to fetch.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <extracomment>%n is how many more failures there were</extracomment>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) could not be saved: %1</source>
        <extracomment>%1 names the failed attachments and why</extracomment>
        <translation>
            <numerusform>%n attachment could not be saved: %1</numerusform>
            <numerusform>%n attachments could not be saved: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) saved in the attachments folder.</source>
        <translation>
            <numerusform>%n attachment saved in the attachments folder.</numerusform>
            <numerusform>%n attachments saved in the attachments folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::DataTab</name>
    <message numerus="yes">
        <source>Problems: %n line(s)</source>
        <translation>
            <numerusform>Problems: %n line</numerusform>
            <numerusform>Problems: %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::DownloadQueue</name>
    <message numerus="yes">
        <source>The server gave new links for %n file(s).</source>
        <extracomment>%n is a number of files</extracomment>
        <translation>
            <numerusform>The server gave a new link for %n file.</numerusform>
            <numerusform>The server gave new links for %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ExportFolder</name>
    <message numerus="yes">
        <source>%n types</source>
        <extracomment>A folder name; %n is a number of resource types (always more than 3)</extracomment>
        <translation>
            <numerusform>%n types</numerusform>
            <numerusform>%n types</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JobActions</name>
    <message numerus="yes">
        <source>Ask the server to stop %n export(s)? The work the server has done so far is lost; files already saved stay in their folder.</source>
        <translation>
            <numerusform>Ask the server to stop %Ln export? The work the server has done so far is lost; files already saved stay in their folder.</numerusform>
            <numerusform>Ask the server to stop %Ln exports? The work the server has done so far is lost; files already saved stay in their folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JobCompletion</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>%1 is a list of file names, %n the number of files not named</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be fetched before the server removed them: %1. Start a new export to get them.</source>
        <extracomment>%n is the number of files, %1 their names</extracomment>
        <translation>
            <numerusform>%n file could not be fetched before the server removed it: %1. Start a new export to get it.</numerusform>
            <numerusform>%n files could not be fetched before the server removed them: %1. Start a new export to get them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be saved. Choose Retry to try them again.</source>
        <extracomment>%n is the number of files that could not be saved</extracomment>
        <translation>
            <numerusform>%Ln file could not be saved. Choose Retry to try it again.</numerusform>
            <numerusform>%Ln files could not be saved. Choose Retry to try them again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are no longer in the folder as they were saved, and the server has removed the export: a new export is needed.</source>
        <extracomment>%n is the number of files</extracomment>
        <translation>
            <numerusform>%n file is no longer in the folder as it was saved, and the server has removed the export: a new export is needed.</numerusform>
            <numerusform>%n files are no longer in the folder as they were saved, and the server has removed the export: a new export is needed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JobDetailsPane</name>
    <message numerus="yes">
        <source>%n saved in the attachments folder</source>
        <translation>
            <numerusform>%n saved in the attachments folder</numerusform>
            <numerusform>%n saved in the attachments folder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n request(s) as curl; set TOKEN before running them.</source>
        <translation>
            <numerusform>Copied %Ln request as curl; set TOKEN before running it.</numerusform>
            <numerusform>Copied %Ln requests as curl; set TOKEN before running them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JobProgress</name>
    <message numerus="yes">
        <source>Ready to download · %n file(s)</source>
        <translation>
            <numerusform>Ready to download · %n file</numerusform>
            <numerusform>Ready to download · %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved · %n file(s)</source>
        <translation>
            <numerusform>Saved · %n file</numerusform>
            <numerusform>Saved · %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JobsPanel</name>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%Ln running</numerusform>
            <numerusform>%Ln running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n downloading %1</source>
        <extracomment>%1 a percentage like &quot;43 %&quot;</extracomment>
        <translation>
            <numerusform>%n downloading %1</numerusform>
            <numerusform>%n downloading %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready to download</source>
        <translation>
            <numerusform>%Ln ready to download</numerusform>
            <numerusform>%Ln ready to download</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server will soon delete the files of %n export(s) that are not saved yet. Save them now or they are lost.</source>
        <translation>
            <numerusform>The server will soon delete the files of %Ln export that are not saved yet. Save them now or they are lost.</numerusform>
            <numerusform>The server will soon delete the files of %Ln exports that are not saved yet. Save them now or they are lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <extracomment>How many members a JSON object has</extracomment>
        <translation>
            <numerusform>{%n member}</numerusform>
            <numerusform>{%n members}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <extracomment>How many elements a JSON array has</extracomment>
        <translation>
            <numerusform>[%n element]</numerusform>
            <numerusform>[%n elements]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ReportArchive</name>
    <message numerus="yes">
        <source>%n report(s) saved in %1.</source>
        <extracomment>%n reports, %1 a folder</extracomment>
        <translation>
            <numerusform>%Ln report saved in %1.</numerusform>
            <numerusform>%Ln reports saved in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already saved, skipped.</source>
        <translation>
            <numerusform>%Ln already saved, skipped.</numerusform>
            <numerusform>%Ln already saved, skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not generated yet.</source>
        <translation>
            <numerusform>%Ln not generated yet.</numerusform>
            <numerusform>%Ln not generated yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed:</source>
        <translation>
            <numerusform>%Ln failed:</numerusform>
            <numerusform>%Ln failed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) extracted to %1.</source>
        <extracomment>%n files, %1 a folder</extracomment>
        <translation>
            <numerusform>%Ln file extracted to %1.</numerusform>
            <numerusform>%Ln files extracted to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ReportStatusLine</name>
    <message numerus="yes">
        <source>refreshing every %n second(s) while jobs run</source>
        <extracomment>%n seconds between automatic refreshes</extracomment>
        <translation>
            <numerusform>refreshing every second while jobs run</numerusform>
            <numerusform>refreshing every %Ln seconds while jobs run</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ResourceBrowser</name>
    <message numerus="yes">
        <source>Reading the file… %Ln resource(s) so far</source>
        <translation>
            <numerusform>Reading the file… %Ln resource so far</numerusform>
            <numerusform>Reading the file… %Ln resources so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln resource(s)</source>
        <translation>
            <numerusform>%Ln resource</numerusform>
            <numerusform>%Ln resources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ScheduleController</name>
    <message numerus="yes">
        <source>%n scheduled export(s) failed</source>
        <extracomment>%n is the number of failed scheduled runs</extracomment>
        <translation>
            <numerusform>%n scheduled export failed</numerusform>
            <numerusform>%n scheduled exports failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::TablesBox</name>
    <message numerus="yes">
        <source>%n row(s) in %1</source>
        <extracomment>%n is a number of rows, %1 a file</extracomment>
        <translation>
            <numerusform>%n row in %1</numerusform>
            <numerusform>%n rows in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the files are not JSON and were left out.</source>
        <extracomment>%n is a number of lines</extracomment>
        <translation>
            <numerusform>%n line of the files is not JSON and was left out.</numerusform>
            <numerusform>%n lines of the files are not JSON and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::TypesPicker</name>
    <message numerus="yes">
        <source>%n type(s) chosen: %1</source>
        <extracomment>%n is the number of resource types chosen, %1 their names</extracomment>
        <translation>
            <numerusform>%n type chosen: %1</numerusform>
            <numerusform>%n types chosen: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ViewRunner</name>
    <message numerus="yes">
        <source>%n values</source>
        <translation>
            <numerusform>%n value</numerusform>
            <numerusform>%n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): the path gives %n values; a column that is not &quot;collection&quot;: true takes one</source>
        <extracomment>%1 is where in the view, %2 the column&apos;s name; %n a number above 1</extracomment>
        <translation>
            <numerusform>%1 (%2): the path gives %n value; a column that is not &quot;collection&quot;: true takes one</numerusform>
            <numerusform>%1 (%2): the path gives %n values; a column that is not &quot;collection&quot;: true takes one</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::cli</name>
    <message numerus="yes">
        <source>%n file(s) saved in %1</source>
        <extracomment>%n is the number of files, %1 the folder</extracomment>
        <translation>
            <numerusform>%n file saved in %1</numerusform>
            <numerusform>%n files saved in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Export complete: %n file(s) to download.</source>
        <extracomment>%n is the number of files</extracomment>
        <translation>
            <numerusform>Export complete: %Ln file to download.</numerusform>
            <numerusform>Export complete: %Ln files to download.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) saved in %1</source>
        <extracomment>%n is the number of files, %1 the folder</extracomment>
        <translation>
            <numerusform>Done: %Ln file saved in %1</numerusform>
            <numerusform>Done: %Ln files saved in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) saved in %1</source>
        <extracomment>%n is a number of attachments</extracomment>
        <translation>
            <numerusform>%n attachment saved in %1</numerusform>
            <numerusform>%n attachments saved in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Problems (%n line(s)):</source>
        <translation>
            <numerusform>Problems (%n line):</numerusform>
            <numerusform>Problems (%n lines):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) are not JSON and were left out:</source>
        <extracomment>%n is a number of lines</extracomment>
        <translation>
            <numerusform>%n line is not JSON and was left out:</numerusform>
            <numerusform>%n lines are not JSON and were left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <extracomment>%n is a number of rows, %1 a file name</extracomment>
        <translation>
            <numerusform>%n row written to %1.</numerusform>
            <numerusform>%n rows written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::cli::ReportJobs</name>
    <message numerus="yes">
        <source>%n report(s) saved in %1.</source>
        <extracomment>%1 how many reports were saved, %2 the folder</extracomment>
        <translation>
            <numerusform>%Ln report saved in %1.</numerusform>
            <numerusform>%Ln reports saved in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::fhirpath::Evaluator</name>
    <message numerus="yes">
        <source>%1() takes %n argument(s), not %2</source>
        <extracomment>%1 is a function name, %2 a number</extracomment>
        <translation>
            <numerusform>%1() takes %n argument, not %2</numerusform>
            <numerusform>%1() takes %n arguments, not %2</numerusform>
        </translation>
    </message>
</context>
</TS>
