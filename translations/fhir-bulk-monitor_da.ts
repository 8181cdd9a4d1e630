<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>NewExportDialog</name>
    <message>
        <source>New Export</source>
        <translation>Ny eksport</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>E&amp;verything on the server (system)</source>
        <translation>A&amp;lt på serveren (system)</translation>
    </message>
    <message>
        <source>All &amp;patients</source>
        <translation>Alle &amp;patienter</translation>
    </message>
    <message>
        <source>The patients of one &amp;group:</source>
        <translation>Patienterne i én &amp;gruppe:</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Group id</source>
        <translation>Gruppe-id</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Eksport:</translation>
    </message>
    <message>
        <source>Resource &amp;types:</source>
        <translation>Ressource&amp;typer:</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Ændringer:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Genne&amp;mse…</translation>
    </message>
    <message>
        <source>Browse for the folder</source>
        <translation>Vælg mappen</translation>
    </message>
    <message>
        <source>Save &amp;in:</source>
        <translation>Gem &amp;i:</translation>
    </message>
    <message>
        <source>&amp;Download the files when the export is done</source>
        <translation>&amp;Hent filerne, når eksporten er færdig</translation>
    </message>
    <message>
        <source>Servers delete the files after a while (often a few hours): downloading at once is safest.</source>
        <translation>Serverne sletter filerne efter et stykke tid (ofte få timer): det er sikrest at hente dem med det samme.</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>A&amp;vanceret</translation>
    </message>
    <message>
        <source>Start E&amp;xport</source>
        <translation>Start e&amp;ksport</translation>
    </message>
    <message>
        <source>Repeat Dail&amp;y or Weekly…</source>
        <translation>Gentag p&amp;å faste tider…</translation>
    </message>
    <message>
        <source>One per line, for example: Observation?category=laboratory</source>
        <translation>Én pr. linje, for eksempel: Observation?category=laboratory</translation>
    </message>
    <message>
        <source>Only the resources that match a search: one per line, such as only laboratory results (_typeFilter)</source>
        <translation>Kun de ressourcer, der matcher en søgning: én pr. linje, fx kun laboratoriesvar (_typeFilter)</translation>
    </message>
    <message>
        <source>Type &amp;filters:</source>
        <translation>Type&amp;filtre:</translation>
    </message>
    <message>
        <source>For example: id, status, subject</source>
        <translation>For eksempel: id, status, subject</translation>
    </message>
    <message>
        <source>Only these fields of each resource; the server adds the ones a resource cannot do without (_elements)</source>
        <translation>Kun disse felter i hver ressource; serveren tilføjer dem, en ressource ikke kan undvære (_elements)</translation>
    </message>
    <message>
        <source>&amp;Elements:</source>
        <translation>&amp;Elementer:</translation>
    </message>
    <message>
        <source>The file format to ask for. Keep the server&apos;s default unless the server asks for another name for NDJSON (_outputFormat)</source>
        <translation>Det filformat, der bedes om. Behold serverens standard, medmindre serveren kræver et andet navn for NDJSON (_outputFormat)</translation>
    </message>
    <message>
        <source>Server default (NDJSON)</source>
        <translation>Serverens standard (NDJSON)</translation>
    </message>
    <message>
        <source>O&amp;utput format:</source>
        <translation>O&amp;utputformat:</translation>
    </message>
    <message>
        <source>GET (parameters in the address)</source>
        <translation>GET (parametre i adressen)</translation>
    </message>
    <message>
        <source>POST (a Parameters resource)</source>
        <translation>POST (en Parameters-ressource)</translation>
    </message>
    <message>
        <source>How the request is sent. GET suits most servers; POST is needed to name patients</source>
        <translation>Hvordan forespørgslen sendes. GET passer til de fleste servere; POST er nødvendig for at angive patienter</translation>
    </message>
    <message>
        <source>&amp;Kick-off:</source>
        <translation>Startanmo&amp;dning:</translation>
    </message>
    <message>
        <source>One per line, for example: Patient/123</source>
        <translation>Én pr. linje, for eksempel: Patient/123</translation>
    </message>
    <message>
        <source>Only with POST, for a patient or group export.</source>
        <translation>Kun med POST, ved eksport af patienter eller en gruppe.</translation>
    </message>
    <message>
        <source>Patie&amp;nts:</source>
        <translation>Patie&amp;nter:</translation>
    </message>
    <message>
        <source>Start a new &amp;job even if an identical one exists</source>
        <translation>Start et nyt &amp;job, også selv om der allerede findes et identisk</translation>
    </message>
    <message>
        <source>Sends Cache-Control: no-cache. Some servers (HAPI FHIR) otherwise hand back the result of an identical earlier export.</source>
        <translation>Sender Cache-Control: no-cache. Ellers giver nogle servere (HAPI FHIR) resultatet af en identisk tidligere eksport tilbage.</translation>
    </message>
    <message>
        <source>Let the server skip what it cannot &amp;handle</source>
        <translation>Lad serveren springe over det, den ikke kan &amp;behandle</translation>
    </message>
    <message>
        <source>Sends Prefer: handling=lenient. A server may then leave out a resource type or parameter it does not support, and say so in the export&apos;s error files, instead of refusing the whole export.</source>
        <translation>Sender Prefer: handling=lenient. En server kan så udelade en ressourcetype eller parameter, den ikke understøtter, og skrive det i eksportens fejlfiler, i stedet for at afvise hele eksporten.</translation>
    </message>
    <message>
        <source>Type the id of the group.</source>
        <translation>Skriv gruppens id.</translation>
    </message>
    <message>
        <source>Asking the server for its groups…</source>
        <translation>Spørger serveren om dens grupper…</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <extracomment>%n is a number of patients</extracomment>
        <translation>
            <numerusform>%Ln medlem</numerusform>
            <numerusform>%Ln medlemmer</numerusform>
        </translation>
    </message>
    <message>
        <source>The server lists no groups; type the id of the group.</source>
        <translation>Serveren viser ingen grupper; skriv gruppens id.</translation>
    </message>
    <message numerus="yes">
        <source>The server lists %n group(s); pick one or type its id.</source>
        <translation>
            <numerusform>Serveren viser %Ln gruppe; vælg den, eller skriv dens id.</numerusform>
            <numerusform>Serveren viser %Ln grupper; vælg en, eller skriv dens id.</numerusform>
        </translation>
    </message>
    <message>
        <source>Files go to: %1</source>
        <extracomment>%1 is the full path of the folder the export saves its files in</extracomment>
        <translation>Filerne gemmes i: %1</translation>
    </message>
    <message>
        <source>Add a server profile first: there is no bulk export server to ask.</source>
        <translation>Tilføj først en serverprofil: der er ingen eksportserver at spørge.</translation>
    </message>
    <message>
        <source>Choose a folder for the files.</source>
        <translation>Vælg en mappe til filerne.</translation>
    </message>
    <message>
        <source>Patients can only be chosen for a patient or group export sent with POST.</source>
        <translation>Patienter kan kun vælges ved eksport af patienter eller en gruppe, sendt med POST.</translation>
    </message>
    <message>
        <source>Save the Files In</source>
        <translation>Gem filerne i</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>New Server Profile</source>
        <translation>Ny serverprofil</translation>
    </message>
    <message>
        <source>Edit Server Profile</source>
        <translation>Rediger serverprofil</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>A&amp;uthorization</source>
        <translation>G&amp;odkendelse</translation>
    </message>
    <message>
        <source>C&amp;onnection</source>
        <translation>&amp;Forbindelse</translation>
    </message>
    <message>
        <source>&amp;Keep for This Session Only</source>
        <translation>&amp;Gem kun i denne session</translation>
    </message>
    <message>
        <source>Keep the secrets in memory until the program closes. You will have to enter them again next time.</source>
        <translation>Hold hemmelighederne i hukommelsen, til programmet lukkes. Du skal indtaste dem igen næste gang.</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Test forbindelsen</translation>
    </message>
    <message>
        <source>Ask the server what it offers: its FHIR version, whether it supports bulk export, and where its token endpoint is.</source>
        <translation>Spørg serveren, hvad den tilbyder: dens FHIR-version, om den understøtter bulk-eksport, og hvor dens token-endpoint er.</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultat af forbindelsestesten</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Hvad der mangler</translation>
    </message>
    <message>
        <source>No keychain is in use: secrets entered here are kept only until the program closes.</source>
        <translation>Der bruges ingen nøglering: hemmeligheder, du indtaster her, gemmes kun, til programmet lukkes.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>CA-certifikatfilen %1 findes ikke.</translation>
    </message>
    <message>
        <source>The sign-in URL is not a complete web address.</source>
        <translation>URL&apos;en til log ind er ikke en fuldstændig webadresse.</translation>
    </message>
    <message>
        <source>There is no place to keep secrets.</source>
        <translation>Der er intet sted at gemme hemmeligheder.</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>Gemmer i nøgleringen…</translation>
    </message>
    <message>
        <source>The secrets will be kept for this session only, until the program closes.</source>
        <translation>Hemmelighederne gemmes kun i denne session, til programmet lukkes.</translation>
    </message>
    <message>
        <source>Looking for the token endpoint…</source>
        <translation>Leder efter token-endpointet…</translation>
    </message>
    <message>
        <source>Sign-in is not tried here; it happens in the browser on the first export.</source>
        <translation>Log ind prøves ikke her; det sker i browseren ved første eksport.</translation>
    </message>
    <message>
        <source>No credentials yet, so no token was asked for.</source>
        <translation>Ingen legitimation endnu, så der blev ikke bedt om et token.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Spørger %1…</translation>
    </message>
    <message>
        <source>Connection works</source>
        <translation>Forbindelsen virker</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problem med forbindelsen</translation>
    </message>
</context>
<context>
    <name>ZipReader</name>
    <message>
        <source>Could not open %1: %2</source>
        <extracomment>%1 a file name, %2 the system&apos;s reason</extracomment>
        <translation>Kunne ikke åbne %1: %2</translation>
    </message>
    <message>
        <source>the archive</source>
        <translation>arkivet</translation>
    </message>
    <message>
        <source>%1 is not a ZIP archive, or it is damaged.</source>
        <extracomment>%1 a file name</extracomment>
        <translation>%1 er ikke et ZIP-arkiv, eller det er beskadiget.</translation>
    </message>
    <message>
        <source>%1 is one part of a split ZIP archive, which cannot be opened.</source>
        <translation>%1 er én del af et opdelt ZIP-arkiv, som ikke kan åbnes.</translation>
    </message>
    <message>
        <source>%1 is a ZIP64 archive, which this program cannot open. Use an archive tool to extract it.</source>
        <extracomment>%1 a file name; ZIP64 is the format for archives over 4 GB</extracomment>
        <translation>%1 er et ZIP64-arkiv, som dette program ikke kan åbne. Brug et arkivprogram til at pakke det ud.</translation>
    </message>
    <message>
        <source>%1 holds more than %2 files; it was not opened.</source>
        <extracomment>%1 a file name, %2 a number of files</extracomment>
        <translation>%1 indeholder mere end %2 filer; det blev ikke åbnet.</translation>
    </message>
    <message>
        <source>its name contains a NUL character</source>
        <translation>navnet indeholder et NUL-tegn</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>det er et symbolsk link</translation>
    </message>
    <message>
        <source>it is encrypted</source>
        <translation>det er krypteret</translation>
    </message>
    <message>
        <source>it uses compression method %1, which is not supported</source>
        <extracomment>%1 a ZIP compression method number</extracomment>
        <translation>det bruger komprimeringsmetode %1, som ikke understøttes</translation>
    </message>
    <message>
        <source>it needs ZIP64, which is not supported</source>
        <translation>det kræver ZIP64, som ikke understøttes</translation>
    </message>
    <message>
        <source>its data lies outside the archive</source>
        <translation>dets data ligger uden for arkivet</translation>
    </message>
    <message>
        <source>it would unpack to more than the allowed size</source>
        <translation>det ville fylde mere end den tilladte størrelse, når det pakkes ud</translation>
    </message>
    <message>
        <source>it is compressed suspiciously well (a possible ZIP bomb)</source>
        <translation>det er mistænkeligt godt komprimeret (en mulig ZIP-bombe)</translation>
    </message>
    <message>
        <source>another entry has the same name</source>
        <translation>et andet element har samme navn</translation>
    </message>
    <message>
        <source>its name contains a control character</source>
        <translation>navnet indeholder et kontroltegn</translation>
    </message>
    <message>
        <source>its name climbs out of the folder (&quot;..&quot;)</source>
        <translation>navnet peger uden for mappen (&quot;..&quot;)</translation>
    </message>
    <message>
        <source>its name has an empty part</source>
        <translation>navnet har en tom del</translation>
    </message>
    <message>
        <source>its name is empty</source>
        <translation>navnet er tomt</translation>
    </message>
    <message>
        <source>The archive is damaged: the entry %1 cannot be found.</source>
        <extracomment>%1 an entry name in a ZIP archive</extracomment>
        <translation>Arkivet er beskadiget: elementet %1 kan ikke findes.</translation>
    </message>
    <message>
        <source>There is no such entry in the archive.</source>
        <translation>Der er ikke et sådant element i arkivet.</translation>
    </message>
    <message>
        <source>%1 was not extracted: %2</source>
        <extracomment>%1 an entry name in a ZIP archive, %2 the reason</extracomment>
        <translation>%1 blev ikke pakket ud: %2</translation>
    </message>
    <message>
        <source>the archive could not be read</source>
        <translation>arkivet kunne ikke læses</translation>
    </message>
    <message>
        <source>it unpacks to more than it declares (a possible ZIP bomb)</source>
        <translation>det fylder mere udpakket, end det angiver (en mulig ZIP-bombe)</translation>
    </message>
    <message>
        <source>writing failed: %1</source>
        <translation>skrivning mislykkedes: %1</translation>
    </message>
    <message>
        <source>its sizes do not agree</source>
        <translation>dets størrelser stemmer ikke overens</translation>
    </message>
    <message>
        <source>the archive ends early</source>
        <translation>arkivet slutter for tidligt</translation>
    </message>
    <message>
        <source>the decompressor could not start</source>
        <translation>udpakningen kunne ikke starte</translation>
    </message>
    <message>
        <source>its compressed data ends early</source>
        <translation>dets komprimerede data slutter for tidligt</translation>
    </message>
    <message>
        <source>its compressed data is damaged</source>
        <translation>dets komprimerede data er beskadiget</translation>
    </message>
    <message>
        <source>it unpacks to a different size than it declares</source>
        <translation>det fylder noget andet udpakket, end det angiver</translation>
    </message>
    <message>
        <source>its checksum (CRC-32) does not match: the archive is damaged</source>
        <translation>dets kontrolsum (CRC-32) stemmer ikke: arkivet er beskadiget</translation>
    </message>
    <message>
        <source>No archive is open.</source>
        <translation>Intet arkiv er åbent.</translation>
    </message>
    <message>
        <source>%1 would unpack to more than the allowed size; nothing was extracted.</source>
        <extracomment>%1 a file name</extracomment>
        <translation>%1 ville fylde mere end den tilladte størrelse udpakket; intet blev pakket ud.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <extracomment>%1 a folder path</extracomment>
        <translation>Kunne ikke oprette mappen %1.</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <extracomment>%1 an entry name in a ZIP archive, %2 the reason</extracomment>
        <translation>%1 blev sprunget over: %2</translation>
    </message>
    <message>
        <source>its folder could not be created</source>
        <translation>dets mappe kunne ikke oprettes</translation>
    </message>
    <message>
        <source>its folder leads outside the chosen folder</source>
        <translation>dets mappe fører uden for den valgte mappe</translation>
    </message>
    <message>
        <source>a link with its name is in the way</source>
        <translation>et link med samme navn er i vejen</translation>
    </message>
</context>
<context>
    <name>fbm</name>
    <message>
        <source>The server answered %1: %2</source>
        <extracomment>%1 is an HTTP status code, %2 the server&apos;s explanation</extracomment>
        <translation>Serveren svarede %1: %2</translation>
    </message>
    <message>
        <source>The server answered %1 without an explanation.</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Serveren svarede %1 uden en forklaring.</translation>
    </message>
</context>
<context>
    <name>fbm::AboutDialog</name>
    <message>
        <source>About FHIR Bulk Monitor</source>
        <translation>Om FHIR Bulk Monitor</translation>
    </message>
    <message>
        <source>FHIR Bulk Monitor %1</source>
        <extracomment>%1 is the version number, e.g. 0.1.0</extracomment>
        <translation>FHIR Bulk Monitor %1</translation>
    </message>
    <message>
        <source>Start, watch and save FHIR Bulk Data exports, and follow report jobs on a reporting server.</source>
        <translation>Start, følg og gem FHIR Bulk Data-eksporter, og følg rapportjob på en rapportserver.</translation>
    </message>
    <message>
        <source>This program is free software under the %1: you may share and change it under the terms of that license, version 3 or any later version. It comes with no warranty.</source>
        <extracomment>%1 is a link to the license text</extracomment>
        <translation>Dette program er fri software under %1: du må dele og ændre det på betingelserne i den licens, version 3 eller en senere version. Det leveres uden nogen garanti.</translation>
    </message>
    <message>
        <source>GNU General Public License</source>
        <translation>GNU General Public License</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2) · QtKeychain %3</source>
        <extracomment>%1 is the Qt version in use, %2 the one it was built with, %3 QtKeychain&apos;s version</extracomment>
        <translation>Qt %1 (bygget med %2) · QtKeychain %3</translation>
    </message>
</context>
<context>
    <name>fbm::AddressPolicy</name>
    <message>
        <source>it is in a private network, and the export&apos;s server is not; allow private networks in the server profile if the files really are there</source>
        <translation>den ligger i et privat netværk, og det gør eksportens server ikke; tillad private netværk i serverprofilen, hvis filerne virkelig ligger der</translation>
    </message>
    <message>
        <source>it is a link-local address, where cloud metadata and credential services answer</source>
        <translation>det er en link-lokal adresse, hvor cloud-tjenester for metadata og adgangsnøgler svarer</translation>
    </message>
    <message>
        <source>it is a multicast address</source>
        <translation>det er en multicast-adresse</translation>
    </message>
    <message>
        <source>it is an unspecified (&quot;this host&quot;) address</source>
        <translation>det er en uspecificeret (&quot;denne vært&quot;) adresse</translation>
    </message>
    <message>
        <source>it is a reserved or broadcast address</source>
        <translation>det er en reserveret adresse eller en broadcast-adresse</translation>
    </message>
</context>
<context>
    <name>fbm::AttachmentFetch</name>
    <message>
        <source>Looking for attachments in the saved files.</source>
        <translation>Leder efter bilag i de gemte filer.</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) on another server (%1) were not fetched: only the export&apos;s own server is asked.</source>
        <extracomment>%1 is a host name</extracomment>
        <translation>
            <numerusform>%n bilag på en anden server (%1) blev ikke hentet: kun eksportens egen server bliver spurgt.</numerusform>
            <numerusform>%n bilag på en anden server (%1) blev ikke hentet: kun eksportens egen server bliver spurgt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) to fetch.</source>
        <translation>
            <numerusform>%n bilag skal hentes.</numerusform>
            <numerusform>%n bilag skal hentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>The export was stopped.</source>
        <translation>Eksporten blev stoppet.</translation>
    </message>
    <message>
        <source>It is larger than %1, the most an attachment may have.</source>
        <extracomment>%1 is a size such as &quot;1.0 GiB&quot;</extracomment>
        <translation>Det er større end %1, som er det største et bilag må være.</translation>
    </message>
    <message>
        <source>%1 bytes came, the resource says %2.</source>
        <extracomment>%1 and %2 are numbers of bytes</extracomment>
        <translation>Der kom %1 byte, ressourcen siger %2.</translation>
    </message>
    <message>
        <source>The bytes that came do not have the hash the resource gives.</source>
        <translation>De byte, der kom, har ikke den hashværdi, ressourcen angiver.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Serveren svarede HTTP %1.</translation>
    </message>
    <message>
        <source>Cannot rename %1: %2</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke omdøbe %1: %2</translation>
    </message>
    <message>
        <source>An attachment was not saved: %1</source>
        <extracomment>%1 names the resource and why its attachment was not saved</extracomment>
        <translation>Et bilag blev ikke gemt: %1</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <extracomment>%n is how many more failures there were</extracomment>
        <translation>
            <numerusform> (og %n mere)</numerusform>
            <numerusform> (og %n mere)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) could not be saved: %1</source>
        <extracomment>%1 names the failed attachments and why</extracomment>
        <translation>
            <numerusform>%n bilag kunne ikke gemmes: %1</numerusform>
            <numerusform>%n bilag kunne ikke gemmes: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) saved in the attachments folder.</source>
        <translation>
            <numerusform>%n bilag gemt i mappen attachments.</numerusform>
            <numerusform>%n bilag gemt i mappen attachments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::AttachmentLinks</name>
    <message>
        <source>%1 could not be read for its attachments.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 kunne ikke læses for at finde bilag.</translation>
    </message>
</context>
<context>
    <name>fbm::AuthFactory</name>
    <message>
        <source>The CA certificate file %1 does not exist.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>CA-certifikatfilen %1 findes ikke.</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate in PEM form.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Filen %1 indeholder intet certifikat i PEM-form.</translation>
    </message>
    <message>
        <source>The profile has no token.</source>
        <translation>Profilen har intet token.</translation>
    </message>
    <message>
        <source>The profile has no client secret.</source>
        <translation>Profilen har ingen klienthemmelighed.</translation>
    </message>
    <message>
        <source>No secret is stored for the profile &quot;%1&quot;. Enter it again in the profile.</source>
        <extracomment>%1 is a profile name</extracomment>
        <translation>Der er ingen hemmelighed gemt til profilen &quot;%1&quot;. Indtast den igen i profilen.</translation>
    </message>
</context>
<context>
    <name>fbm::AuthPage</name>
    <message>
        <source>&amp;Authorization:</source>
        <translation>&amp;Godkendelse:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Klient-id:</translation>
    </message>
    <message>
        <source>Paste the client secret</source>
        <translation>Indsæt klienthemmeligheden</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Klienthemmelighed</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Klient&amp;hemmelighed:</translation>
    </message>
    <message>
        <source>HTTP Basic (client_secret_basic)</source>
        <translation>HTTP Basic (client_secret_basic)</translation>
    </message>
    <message>
        <source>In the request body (client_secret_post)</source>
        <translation>I forespørgslens indhold (client_secret_post)</translation>
    </message>
    <message>
        <source>Send the secret &amp;by:</source>
        <translation>Send hemmeligheden &amp;via:</translation>
    </message>
    <message>
        <source>Paste the access token</source>
        <translation>Indsæt adgangstokenet</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Adgangstoken</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Adgangs&amp;token:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privat &amp;nøgle:</translation>
    </message>
    <message>
        <source>RS384 (RSA)</source>
        <translation>RS384 (RSA)</translation>
    </message>
    <message>
        <source>ES384 (elliptic curve P-384)</source>
        <translation>ES384 (elliptisk kurve P-384)</translation>
    </message>
    <message>
        <source>A&amp;lgorithm:</source>
        <translation>A&amp;lgoritme:</translation>
    </message>
    <message>
        <source>The key&apos;s thumbprint</source>
        <translation>Nøglens fingeraftryk</translation>
    </message>
    <message>
        <source>The &quot;kid&quot; the server knows the public key by.</source>
        <translation>Det &quot;kid&quot;, serveren kender den offentlige nøgle under.</translation>
    </message>
    <message>
        <source>Key &amp;ID (kid):</source>
        <translation>Nøgle-&amp;id (kid):</translation>
    </message>
    <message>
        <source>&amp;Public key:</source>
        <translation>&amp;Offentlig nøgle:</translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation>Sc&amp;ope:</translation>
    </message>
    <message>
        <source>Found on the server when empty</source>
        <translation>Findes på serveren, når feltet er tomt</translation>
    </message>
    <message>
        <source>T&amp;oken URL:</source>
        <translation>T&amp;oken-URL:</translation>
    </message>
    <message>
        <source>Sign-in &amp;URL:</source>
        <translation>&amp;URL til log ind:</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>En vilkårlig ledig port</translation>
    </message>
    <message>
        <source>The port of the http://127.0.0.1 address the browser returns to after signing in; some servers register a fixed one.</source>
        <translation>Porten på den http://127.0.0.1-adresse, browseren vender tilbage til efter log ind; nogle servere registrerer en fast port.</translation>
    </message>
    <message>
        <source>&amp;Redirect port:</source>
        <translation>&amp;Omdirigeringsport:</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Log ind:</translation>
    </message>
    <message>
        <source>&amp;Import PEM…</source>
        <translation>&amp;Importér PEM…</translation>
    </message>
    <message>
        <source>Import a private key from a PEM file</source>
        <translation>Importér en privat nøgle fra en PEM-fil</translation>
    </message>
    <message>
        <source>Read a private key (RSA or EC P-384, PEM, not encrypted).</source>
        <translation>Læs en privat nøgle (RSA eller EC P-384, PEM, ikke krypteret).</translation>
    </message>
    <message>
        <source>&amp;Generate Key</source>
        <translation>&amp;Generér nøgle</translation>
    </message>
    <message>
        <source>Generate a new private key</source>
        <translation>Generér en ny privat nøgle</translation>
    </message>
    <message>
        <source>Make a new key for the chosen algorithm: RSA 3072 bits for RS384, EC P-384 for ES384.</source>
        <translation>Lav en ny nøgle til den valgte algoritme: RSA 3072 bit til RS384, EC P-384 til ES384.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Remove the private key</source>
        <translation>Fjern den private nøgle</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiér</translation>
    </message>
    <message>
        <source>Copy the public key</source>
        <translation>Kopiér den offentlige nøgle</translation>
    </message>
    <message>
        <source>Give this public key (a JWKS) to the server&apos;s administrator to register the client. It holds nothing secret.</source>
        <translation>Giv denne offentlige nøgle (et JWKS) til serverens administrator, så klienten kan registreres. Den indeholder intet hemmeligt.</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Log &amp;ud</translation>
    </message>
    <message>
        <source>Forget the stored sign-in; the browser opens again on the next export.</source>
        <translation>Glem det gemte log ind; browseren åbner igen ved næste eksport.</translation>
    </message>
    <message>
        <source>The stored key cannot be used: %1</source>
        <extracomment>%1 explains what is wrong with the key</extracomment>
        <translation>Den gemte nøgle kan ikke bruges: %1</translation>
    </message>
    <message>
        <source>Paste the access token.</source>
        <translation>Indsæt adgangstokenet.</translation>
    </message>
    <message>
        <source>Enter the client secret.</source>
        <translation>Indtast klienthemmeligheden.</translation>
    </message>
    <message>
        <source>Generate a private key, or import one.</source>
        <translation>Generér en privat nøgle, eller importér en.</translation>
    </message>
    <message>
        <source>You will be signed out when you press OK.</source>
        <translation>Du bliver logget ud, når du trykker OK.</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Kontrollerer nøgleringen…</translation>
    </message>
    <message>
        <source>Signed in: the sign-in is kept in the keychain.</source>
        <translation>Logget ind: log ind gemmes i nøgleringen.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>Requests carry no credentials. For open test servers.</source>
        <translation>Forespørgsler sendes uden legitimation. Til åbne testservere.</translation>
    </message>
    <message>
        <source>A bearer token you obtained elsewhere. It cannot be renewed: when it expires, paste a new one.</source>
        <translation>Et bearer-token, du har fået et andet sted. Det kan ikke fornyes: når det udløber, indsætter du et nyt.</translation>
    </message>
    <message>
        <source>OAuth 2 client credentials: the program asks the token endpoint for tokens with the client ID and secret.</source>
        <translation>OAuth 2 client credentials: programmet beder token-endpointet om tokens med klient-id og klienthemmelighed.</translation>
    </message>
    <message>
        <source>SMART Backend Services: the program signs a short-lived assertion with the private key and exchanges it for tokens. Register the public key below with the server.</source>
        <translation>SMART Backend Services: programmet underskriver en kortlivet assertion med den private nøgle og veksler den til tokens. Registrér den offentlige nøgle nedenfor hos serveren.</translation>
    </message>
    <message>
        <source>You sign in to the server in your web browser; the program keeps the sign-in and renews its tokens.</source>
        <translation>Du logger ind på serveren i din webbrowser; programmet husker log ind og fornyer sine tokens.</translation>
    </message>
    <message>
        <source>RSA %1-bit key</source>
        <translation>RSA-nøgle på %1 bit</translation>
    </message>
    <message>
        <source>EC P-384 key</source>
        <translation>EC P-384-nøgle</translation>
    </message>
    <message>
        <source>New %1, saved to the keychain when you press OK.</source>
        <extracomment>%1 describes the key, e.g. &quot;RSA 3072-bit key&quot;</extracomment>
        <translation>Ny %1, gemmes i nøgleringen, når du trykker OK.</translation>
    </message>
    <message>
        <source>The stored key will be removed when you press OK.</source>
        <translation>Den gemte nøgle fjernes, når du trykker OK.</translation>
    </message>
    <message>
        <source>The keychain could not be read.</source>
        <translation>Nøgleringen kunne ikke læses.</translation>
    </message>
    <message>
        <source>%1, stored in the keychain.</source>
        <extracomment>%1 describes the key, e.g. &quot;RSA 3072-bit key&quot;</extracomment>
        <translation>%1, gemt i nøgleringen.</translation>
    </message>
    <message>
        <source>%1, kept for this session only.</source>
        <translation>%1, gemt kun i denne session.</translation>
    </message>
    <message>
        <source>No key yet.</source>
        <translation>Ingen nøgle endnu.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Appears once there is a key.</source>
        <translation>Vises, når der er en nøgle.</translation>
    </message>
    <message>
        <source>The server names %1. Leave the field empty to use it.</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Serveren angiver %1. Lad feltet være tomt for at bruge det.</translation>
    </message>
    <message>
        <source>Import Private Key</source>
        <translation>Importér privat nøgle</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-nøgler (*.pem *.key);;Alle filer (*)</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>%1 kunne ikke læses.</translation>
    </message>
    <message>
        <source>The public key was copied.</source>
        <translation>Den offentlige nøgle blev kopieret.</translation>
    </message>
</context>
<context>
    <name>fbm::BinaryResource</name>
    <message>
        <source>The Binary resource holds no data.</source>
        <translation>Binary-ressourcen indeholder ingen data.</translation>
    </message>
    <message>
        <source>The Binary resource holds data that is not valid base64.</source>
        <translation>Binary-ressourcen indeholder data, der ikke er gyldig base64.</translation>
    </message>
</context>
<context>
    <name>fbm::BuiltinViews</name>
    <message>
        <source>Cannot read the view %1: %2</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke læse visningen %1: %2</translation>
    </message>
</context>
<context>
    <name>fbm::BulkProtocol</name>
    <message>
        <source>The export could not be started: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Eksporten kunne ikke startes: %1</translation>
    </message>
    <message>
        <source>The server accepted the export but did not say where to follow it (no Content-Location header). Nothing can be downloaded.</source>
        <translation>Serveren tog imod eksporten, men sagde ikke, hvor den kan følges (ingen Content-Location-header). Intet kan hentes.</translation>
    </message>
    <message>
        <source>The server&apos;s status address is not an HTTP(S) URL.</source>
        <translation>Serverens statusadresse er ikke en HTTP(S)-URL.</translation>
    </message>
    <message>
        <source>The server asks to wait %1 seconds before trying again.</source>
        <extracomment>%1 is a number of seconds</extracomment>
        <translation>Serveren beder om at vente %1 sekunder, før der prøves igen.</translation>
    </message>
    <message>
        <source>The server is busy (another export may be running) and did not start this one.</source>
        <translation>Serveren har travlt (en anden eksport kører måske) og startede ikke denne.</translation>
    </message>
    <message>
        <source>No FHIR server answered at this address: %1 was not found (HTTP 404). Check that the server profile&apos;s address is the FHIR base (for example https://server/fhir); Test connection in the profile checks it.</source>
        <extracomment>%1 is the export&apos;s address</extracomment>
        <translation>Ingen FHIR-server svarede på denne adresse: %1 blev ikke fundet (HTTP 404). Kontrollér, at serverprofilens adresse er FHIR-basisadressen (for eksempel https://server/fhir); &quot;Test forbindelsen&quot; i profilen kontrollerer det.</translation>
    </message>
    <message>
        <source>The address answered (HTTP %1) but did not start an export: it may not be a FHIR server that offers Bulk Data export. Check the server profile&apos;s address; Test connection in the profile checks it.</source>
        <extracomment>%1 is the HTTP status code</extracomment>
        <translation>Adressen svarede (HTTP %1), men startede ingen eksport: det er måske ikke en FHIR-server, der tilbyder Bulk Data-eksport. Kontrollér serverprofilens adresse; &quot;Test forbindelsen&quot; i profilen kontrollerer den.</translation>
    </message>
    <message>
        <source>The export could not be started.</source>
        <translation>Eksporten kunne ikke startes.</translation>
    </message>
    <message>
        <source>Checking the export failed: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Kontrol af eksporten mislykkedes: %1</translation>
    </message>
    <message>
        <source>The server refused access to the export&apos;s status. Check the profile&apos;s authorization and choose Retry: the export on the server may still be running.</source>
        <translation>Serveren nægtede adgang til eksportens status. Kontrollér profilens autorisation, og vælg Prøv igen: eksporten på serveren kører måske stadig.</translation>
    </message>
    <message>
        <source>A page of the manifest could not be read: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>En side af manifestet kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>The server could not be told to cancel: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Serveren kunne ikke få besked om at annullere: %1</translation>
    </message>
    <message>
        <source>The server did not cancel the export.</source>
        <translation>Serveren annullerede ikke eksporten.</translation>
    </message>
</context>
<context>
    <name>fbm::ChangesBox</name>
    <message>
        <source>Only changes since &amp;my last export from this server</source>
        <translation>Kun &amp;ændringer siden min seneste eksport fra denne server</translation>
    </message>
    <message>
        <source>Only &amp;resources changed since</source>
        <translation>Kun &amp;ressourcer ændret siden</translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation>Ændret siden</translation>
    </message>
    <message>
        <source>and &amp;before</source>
        <translation>&amp;og før</translation>
    </message>
    <message>
        <source>Changed before</source>
        <translation>Ændret før</translation>
    </message>
    <message>
        <source>Sent as _until; servers implementing Bulk Data 2.0 may ignore it.</source>
        <translation>Sendes som _until; servere, der følger Bulk Data 2.0, kan ignorere den.</translation>
    </message>
    <message>
        <source>Your last finished export of the same data from this server was made at %1.</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>Din seneste færdige eksport af de samme data fra denne server blev lavet %1.</translation>
    </message>
    <message>
        <source>Your finished exports from this server asked for other data (level, group or types), so there is nothing to continue from for this choice.</source>
        <translation>Dine færdige eksporter fra denne server bad om andre data (niveau, gruppe eller typer), så der er intet at fortsætte fra for dette valg.</translation>
    </message>
    <message>
        <source>No export from this server has finished yet, so there is nothing to continue from.</source>
        <translation>Ingen eksport fra denne server er færdig endnu, så der er intet at fortsætte fra.</translation>
    </message>
</context>
<context>
    <name>fbm::ConfirmBox</name>
    <message>
        <source>Keep</source>
        <translation>Behold</translation>
    </message>
</context>
<context>
    <name>fbm::ConnectionPage</name>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>A&amp;dd Header</source>
        <translation>T&amp;ilføj header</translation>
    </message>
    <message>
        <source>Re&amp;move Header</source>
        <translation>&amp;Fjern header</translation>
    </message>
    <message>
        <source>Sent with every request to this server, for example a tenant or an API gateway key. Not for tokens: those belong on the Authorization page, where they are kept in the keychain.</source>
        <translation>Sendes med hver forespørgsel til denne server, for eksempel en tenant eller en API-gateway-nøgle. Ikke til tokens: de hører til på siden Godkendelse, hvor de gemmes i nøgleringen.</translation>
    </message>
    <message>
        <source>E&amp;xtra headers:</source>
        <translation>E&amp;kstra headers:</translation>
    </message>
    <message>
        <source>Only if your organisation uses its own authority</source>
        <translation>Kun hvis din organisation bruger sin egen certifikatudsteder</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Gen&amp;nemse…</translation>
    </message>
    <message>
        <source>Browse for the CA certificate</source>
        <translation>Vælg CA-certifikatet</translation>
    </message>
    <message>
        <source>CA &amp;certificate (PEM):</source>
        <translation>CA-&amp;certifikat (PEM):</translation>
    </message>
    <message>
        <source>Send the token over unencrypted &amp;HTTP</source>
        <translation>Send tokenet over ukrypteret &amp;HTTP</translation>
    </message>
    <message>
        <source>Warning: over http:// anyone on the network path can read the token and use it to read patient data. Allow this only for a test server on a network you trust.</source>
        <translation>Advarsel: over http:// kan alle på netværksvejen læse tokenet og bruge det til at læse patientdata. Tillad det kun for en testserver på et netværk, du stoler på.</translation>
    </message>
    <message>
        <source>Plain HTTP:</source>
        <translation>Ukrypteret HTTP:</translation>
    </message>
    <message>
        <source>Files may come from &amp;private networks</source>
        <translation>Filer må komme fra &amp;private netværk</translation>
    </message>
    <message>
        <source>Let file downloads and redirects reach addresses in private networks (10.x, 172.16-31.x, 192.168.x) on other hosts than this server, where your organisation keeps the export&apos;s storage. Cloud metadata addresses are never reached.</source>
        <translation>Lad filhentning og omdirigeringer nå adresser i private netværk (10.x, 172.16-31.x, 192.168.x) på andre værter end denne server, hvor din organisation opbevarer eksportens filer. Cloud-metadataadresser nås aldrig.</translation>
    </message>
    <message>
        <source>Networks:</source>
        <translation>Netværk:</translation>
    </message>
    <message>
        <source>Do not put the Authorization header among the extra headers: choose &quot;%1&quot; on the Authorization page, so that the token is kept in the keychain.</source>
        <extracomment>%1 is the name of an authorization kind, &quot;Static bearer token&quot; or similar</extracomment>
        <translation>Læg ikke Authorization-headeren blandt de ekstra headers: vælg &quot;%1&quot; på siden Godkendelse, så tokenet gemmes i nøgleringen.</translation>
    </message>
    <message>
        <source>Extra header %1 is not valid: the name must be a single word (letters, digits, &apos;-&apos;), the value a single line.</source>
        <extracomment>%1 is a row number</extracomment>
        <translation>Den ekstra header %1 er ikke gyldig: navnet skal være ét ord (bogstaver, cifre, &apos;-&apos;), værdien én linje.</translation>
    </message>
    <message>
        <source>Only matters for a server address starting with http://.</source>
        <translation>Har kun betydning for en serveradresse, der begynder med http://.</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certifikater (*.pem *.crt *.cer);;Alle filer (*)</translation>
    </message>
</context>
<context>
    <name>fbm::DataTab</name>
    <message>
        <source>Stop readi&amp;ng</source>
        <translation>Stop læsni&amp;ngen</translation>
    </message>
    <message>
        <source>Read a&amp;gain</source>
        <translation>&amp;Læs igen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <source>Stop reading the export&apos;s files</source>
        <translation>Stop læsningen af eksportens filer</translation>
    </message>
    <message>
        <source>Read the export&apos;s files again</source>
        <translation>Læs eksportens filer igen</translation>
    </message>
    <message>
        <source>Look through the resources of the selected type</source>
        <translation>Gennemse ressourcerne af den valgte type</translation>
    </message>
    <message>
        <source>Resources per type in the saved files</source>
        <translation>Ressourcer pr. type i de gemte filer</translation>
    </message>
    <message>
        <source>Lines that are not resources of their file&apos;s type</source>
        <translation>Linjer, der ikke er ressourcer af filens type</translation>
    </message>
    <message>
        <source>Choose an export in the list to see what it holds.</source>
        <translation>Vælg en eksport på listen for at se, hvad den indeholder.</translation>
    </message>
    <message>
        <source>The data can be looked at once every file is saved.</source>
        <translation>Dataene kan ses, når alle filer er gemt.</translation>
    </message>
    <message>
        <source>Reading the saved files… %1 %</source>
        <extracomment>%1 is a percentage such as 45</extracomment>
        <translation>Læser de gemte filer… %1 %</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>Læsningen blev stoppet.</translation>
    </message>
    <message>
        <source>%1 resources of %2 patients, %3.</source>
        <extracomment>%1 resources, %2 patients, %3 a size such as 1.2 MB</extracomment>
        <translation>%1 ressourcer fra %2 patienter, %3.</translation>
    </message>
    <message>
        <source>Reading was stopped: the counts are partial.</source>
        <translation>Læsningen blev stoppet: tallene er ufuldstændige.</translation>
    </message>
    <message>
        <source>No problems: every line is a resource of its file&apos;s type.</source>
        <translation>Ingen problemer: hver linje er en ressource af filens type.</translation>
    </message>
    <message>
        <source>Problems: the first %1 of %2 lines</source>
        <extracomment>%1 and %2 are numbers of lines</extracomment>
        <translation>Problemer: de første %1 af %2 linjer</translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n line(s)</source>
        <translation>
            <numerusform>Problemer: %n linje</numerusform>
            <numerusform>Problemer: %n linjer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::DownloadQueue</name>
    <message>
        <source>%1 Trying again (attempt %2).</source>
        <extracomment>%1 is the reason, %2 the attempt number</extracomment>
        <translation>%1 Prøver igen (forsøg %2).</translation>
    </message>
    <message>
        <source>%1 is no longer on the server.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 er ikke længere på serveren.</translation>
    </message>
    <message>
        <source>The server removed this file before it was saved.</source>
        <translation>Serveren fjernede denne fil, før den blev gemt.</translation>
    </message>
    <message>
        <source>The link to this file no longer works (HTTP %1); asking the server for a new one.</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Linket til denne fil virker ikke længere (HTTP %1); serveren bliver bedt om et nyt.</translation>
    </message>
    <message>
        <source>The link to %1 no longer works (HTTP %2); asking the server for the manifest again, with new links.</source>
        <extracomment>%1 is a file name, %2 an HTTP status code</extracomment>
        <translation>Linket til %1 virker ikke længere (HTTP %2); serveren bliver bedt om manifestet igen, med nye links.</translation>
    </message>
    <message>
        <source>The server now gives the manifest of another export (its transaction time changed); its links are not used.</source>
        <translation>Serveren giver nu manifestet for en anden eksport (transaktionstiden er ændret); dens links bruges ikke.</translation>
    </message>
    <message numerus="yes">
        <source>The server gave new links for %n file(s).</source>
        <extracomment>%n is a number of files</extracomment>
        <translation>
            <numerusform>Serveren gav et nyt link til %n fil.</numerusform>
            <numerusform>Serveren gav nye links til %n filer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server no longer knows this export: files whose links no longer work cannot be fetched any more.</source>
        <translation>Serveren kender ikke længere denne eksport: filer, hvis links ikke længere virker, kan ikke hentes mere.</translation>
    </message>
    <message>
        <source>No new links could be had for the files: %1</source>
        <extracomment>%1 is the reason</extracomment>
        <translation>Der kunne ikke fås nye links til filerne: %1</translation>
    </message>
</context>
<context>
    <name>fbm::ExportFolder</name>
    <message>
        <source>All patients</source>
        <translation>Alle patienter</translation>
    </message>
    <message>
        <source>Group %1</source>
        <extracomment>A folder name; %1 is the group&apos;s name (or its id when the name is not known)</extracomment>
        <translation>Gruppe %1</translation>
    </message>
    <message numerus="yes">
        <source>%n types</source>
        <extracomment>A folder name; %n is a number of resource types (always more than 3)</extracomment>
        <translation>
            <numerusform>%n type</numerusform>
            <numerusform>%n typer</numerusform>
        </translation>
    </message>
    <message>
        <source>System, all types</source>
        <extracomment>A folder name: an export of everything on the server</extracomment>
        <translation>System, alle typer</translation>
    </message>
</context>
<context>
    <name>fbm::ExportLog</name>
    <message>
        <source>The export log %1 could not be written: %2. The export goes on without it.</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason</extracomment>
        <translation>Eksportloggen %1 kunne ikke skrives: %2. Eksporten fortsætter uden den.</translation>
    </message>
</context>
<context>
    <name>fbm::ExportOverview</name>
    <message>
        <source>%1 does not exist.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>%1 findes ikke.</translation>
    </message>
    <message>
        <source>%1 is not a folder that can be read.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>%1 er ikke en mappe, der kan læses.</translation>
    </message>
    <message>
        <source>%1 holds no export: no manifest.json and no NDJSON files.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>%1 indeholder ingen eksport: ingen manifest.json og ingen NDJSON-filer.</translation>
    </message>
    <message>
        <source>The line is longer than %1 MiB.</source>
        <translation>Linjen er længere end %1 MiB.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1 (at character %2).</source>
        <extracomment>%1 is the JSON parser&apos;s message, %2 a position in the line</extracomment>
        <translation>Ikke gyldig JSON: %1 (ved tegn %2).</translation>
    </message>
    <message>
        <source>Not a JSON object.</source>
        <translation>Ikke et JSON-objekt.</translation>
    </message>
    <message>
        <source>The resource has no resourceType.</source>
        <translation>Ressourcen har ingen resourceType.</translation>
    </message>
    <message>
        <source>The resource is %1, but the file holds %2.</source>
        <extracomment>%1 is the type the line has, %2 the type its file holds</extracomment>
        <translation>Ressourcen er %1, men filen indeholder %2.</translation>
    </message>
    <message>
        <source>The file could not be read to its end: %1</source>
        <extracomment>%1 is why (from the system or the gzip reader)</extracomment>
        <translation>Filen kunne ikke læses til ende: %1</translation>
    </message>
</context>
<context>
    <name>fbm::ExportRequest</name>
    <message>
        <source>The server address must be an http:// or https:// URL.</source>
        <translation>Serveradressen skal være en http://- eller https://-URL.</translation>
    </message>
    <message>
        <source>A group export needs a group id (letters, digits, &apos;-&apos; and &apos;.&apos;, at most 64).</source>
        <translation>En gruppeeksport kræver et gruppe-id (bogstaver, cifre, &apos;-&apos; og &apos;.&apos;, højst 64).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a FHIR resource type.</source>
        <extracomment>%1 is what the user typed as a resource type</extracomment>
        <translation>&quot;%1&quot; er ikke en FHIR-ressourcetype.</translation>
    </message>
    <message>
        <source>Patients can only be chosen for a Patient or Group export.</source>
        <translation>Patienter kan kun vælges ved eksport af patienter eller en gruppe.</translation>
    </message>
    <message>
        <source>Choosing patients needs a POST kick-off.</source>
        <translation>Valg af patienter kræver, at eksporten startes med POST.</translation>
    </message>
    <message>
        <source>&quot;Until&quot; is before &quot;Since&quot;.</source>
        <translation>&quot;Indtil&quot; er før &quot;Siden&quot;.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Group %1</source>
        <extracomment>%1 is a group&apos;s name, or its id when the name is not known</extracomment>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>all types</source>
        <translation>alle typer</translation>
    </message>
    <message>
        <source>%1 types</source>
        <extracomment>%1 is a number of resource types (always more than 3)</extracomment>
        <translation>%1 typer</translation>
    </message>
    <message>
        <source>changes between %1 and %2</source>
        <extracomment>%1 and %2 are dates and times</extracomment>
        <translation>ændringer mellem %1 og %2</translation>
    </message>
    <message>
        <source>changes since %1</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>ændringer siden %1</translation>
    </message>
    <message>
        <source>changes before %1</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>ændringer før %1</translation>
    </message>
</context>
<context>
    <name>fbm::ExportRun</name>
    <message>
        <source>The server had started the export before it was cancelled; it is asked to delete it.</source>
        <translation>Serveren havde startet eksporten, før den blev annulleret; den bliver bedt om at slette den.</translation>
    </message>
    <message>
        <source>The server could not start the export now; trying again. %1</source>
        <extracomment>%1 is what went wrong</extracomment>
        <translation>Serveren kunne ikke starte eksporten lige nu; der prøves igen. %1</translation>
    </message>
    <message>
        <source>The server gave a relative status address; it was resolved against the kick-off URL.</source>
        <translation>Serveren gav en relativ statusadresse; den blev slået op ud fra eksportens start-URL.</translation>
    </message>
    <message>
        <source>The server answered with a job another export here already follows; it reuses identical requests. &quot;Start a new job even if an identical one exists&quot; (--no-cache) starts a new one.</source>
        <translation>Serveren svarede med et job, som en anden eksport her allerede følger; den genbruger identiske forespørgsler. &quot;Start et nyt job, også selv om et identisk findes&quot; (--no-cache) starter et nyt.</translation>
    </message>
    <message>
        <source>The server&apos;s Retry-After value &quot;%1&quot; is not understood; waiting by our own schedule.</source>
        <extracomment>%1 is the server&apos;s Retry-After value</extracomment>
        <translation>Serverens Retry-After-værdi &quot;%1&quot; kan ikke forstås; venter efter vores egen plan.</translation>
    </message>
    <message>
        <source>The server reports the export as cancelled.</source>
        <translation>Serveren melder, at eksporten er annulleret.</translation>
    </message>
    <message>
        <source>The server asked to wait before checking again.</source>
        <translation>Serveren bad om at vente, før der kontrolleres igen.</translation>
    </message>
    <message>
        <source>The server has asked to slow down %1 times in a row.</source>
        <extracomment>%1 is a number</extracomment>
        <translation>Serveren har bedt om at sætte tempoet ned %1 gange i træk.</translation>
    </message>
    <message>
        <source>The server no longer knows this export: it has expired, was cancelled, or the status address is wrong. Files already saved are kept.</source>
        <translation>Serveren kender ikke længere denne eksport: den er udløbet, blev annulleret, eller statusadressen er forkert. Filer, der allerede er gemt, beholdes.</translation>
    </message>
    <message>
        <source>The server reports the export as running again; it gave no new links.</source>
        <translation>Serveren melder, at eksporten kører igen; den gav ingen nye links.</translation>
    </message>
    <message>
        <source>The server says the export had already finished or is unknown; checking its status.</source>
        <translation>Serveren svarer, at eksporten allerede var færdig eller er ukendt; kontrollerer dens status.</translation>
    </message>
</context>
<context>
    <name>fbm::FileDownload</name>
    <message>
        <source>The server sent a compressed file that expands beyond %1 times its size; it was not saved (a decompression bomb, or a broken server).</source>
        <extracomment>%1 is a number (a ratio)</extracomment>
        <translation>Serveren sendte en komprimeret fil, der vokser til mere end %1 gange sin størrelse; den blev ikke gemt (en dekomprimeringsbombe eller en defekt server).</translation>
    </message>
    <message>
        <source>The server sent a compressed file that expands beyond %1; it was not saved.</source>
        <extracomment>%1 is a size such as 256 GiB</extracomment>
        <translation>Serveren sendte en komprimeret fil, der vokser til mere end %1; den blev ikke gemt.</translation>
    </message>
    <message>
        <source>The compressed file ended before its end; it is downloaded again.</source>
        <translation>Den komprimerede fil sluttede for tidligt; den hentes igen.</translation>
    </message>
    <message>
        <source>The server said the file is compressed (%1), but it is not valid %1 data; it was not saved.</source>
        <extracomment>%1 is a Content-Encoding such as gzip</extracomment>
        <translation>Serveren sagde, at filen er komprimeret (%1), men det er ikke gyldige %1-data; den blev ikke gemt.</translation>
    </message>
    <message>
        <source>%1 holds compressed bytes that were never decoded (the server did not say it compressed them).</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 indeholder komprimerede bytes, som aldrig blev pakket ud (serveren sagde ikke, at den havde komprimeret dem).</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not valid JSON (at byte %3).</source>
        <extracomment>%1 a line number, %2 a file name, %3 a byte position in the line</extracomment>
        <translation>Linje %1 i %2 er ikke gyldig JSON (ved byte %3).</translation>
    </message>
    <message>
        <source>Line %1 of %2 is not one FHIR resource (NDJSON holds one JSON object per line).</source>
        <extracomment>%1 a line number, %2 a file name</extracomment>
        <translation>Linje %1 i %2 er ikke én FHIR-ressource (NDJSON har ét JSON-objekt pr. linje).</translation>
    </message>
    <message>
        <source>Line %1 of %2 has no resourceType.</source>
        <translation>Linje %1 i %2 har ingen resourceType.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is a %3, not a %4 as the manifest says.</source>
        <extracomment>%1 a line number, %2 a file name, %3 and %4 FHIR resource types</extracomment>
        <translation>Linje %1 i %2 er en %3, ikke en %4, som manifestet siger.</translation>
    </message>
    <message>
        <source>Line %1 of %2 is nested deeper than any FHIR resource.</source>
        <translation>Linje %1 i %2 er dybere indlejret end nogen FHIR-ressource.</translation>
    </message>
    <message>
        <source>The download is kept as a .part file until Retry downloads it again from the start.</source>
        <translation>Det hentede gemmes som en .part-fil, indtil Prøv igen henter den igen fra begyndelsen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. The part already saved is kept; free some space and choose Retry.</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason (e.g. no space left)</extracomment>
        <translation>Kan ikke skrive %1: %2. Den del, der allerede er gemt, beholdes; frigør plads, og vælg Prøv igen.</translation>
    </message>
    <message>
        <source>The manifest gave no HTTP(S) address for this file; it is not fetched.</source>
        <translation>Manifestet gav ingen HTTP(S)-adresse til denne fil; den hentes ikke.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Kan ikke oprette mappen %1.</translation>
    </message>
    <message>
        <source>The saved part of %1 failed verification; it is downloaded again from the start.</source>
        <translation>Den gemte del af %1 bestod ikke kontrollen; den hentes igen fra begyndelsen.</translation>
    </message>
    <message>
        <source>%1 was left in the folder by an earlier export; it is downloaded again from the start.</source>
        <translation>%1 blev efterladt i mappen af en tidligere eksport; den hentes igen fra begyndelsen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>The server sent the file compressed as &quot;%1&quot;, which this program cannot read; it was not saved.</source>
        <extracomment>%1 is a Content-Encoding such as br</extracomment>
        <translation>Serveren sendte filen komprimeret som &quot;%1&quot;, som programmet ikke kan læse; den blev ikke gemt.</translation>
    </message>
    <message>
        <source>The server answered the request for the rest of the file with a compressed part; the download starts over.</source>
        <translation>Serveren svarede på anmodningen om resten af filen med en komprimeret del; hentningen starter forfra.</translation>
    </message>
    <message>
        <source>The server sends a compressed part of the file where the whole file was asked for; it was not saved.</source>
        <translation>Serveren sender en komprimeret del af filen, hvor hele filen blev bedt om; den blev ikke gemt.</translation>
    </message>
    <message>
        <source>The server sent a different part of the file than asked for; the download starts over.</source>
        <translation>Serveren sendte en anden del af filen end ønsket; overførslen starter forfra.</translation>
    </message>
    <message>
        <source>The server no longer has this file; it may have expired.</source>
        <translation>Serveren har ikke længere denne fil; den er måske udløbet.</translation>
    </message>
    <message>
        <source>The server refused access to this file: %1</source>
        <extracomment>%1 is the server&apos;s explanation</extracomment>
        <translation>Serveren afviste adgang til denne fil: %1</translation>
    </message>
    <message>
        <source>The saved part does not fit the file on the server; the download starts over.</source>
        <translation>Den gemte del passer ikke til filen på serveren; overførslen starter forfra.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke læse %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. The downloaded file is kept as %3; free some space and choose Retry.</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason (e.g. no space left), %3 a file</extracomment>
        <translation>Kan ikke skrive %1: %2. Den hentede fil beholdes som %3; frigør plads, og vælg Prøv igen.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: %3</source>
        <extracomment>%1 and %2 are file names, %3 the system&apos;s reason</extracomment>
        <translation>Kan ikke omdøbe %1 til %2: %3</translation>
    </message>
    <message>
        <source>The server sent the file wrapped in a very large FHIR Binary; it was not decoded.</source>
        <translation>Serveren sendte filen pakket i en meget stor FHIR Binary; den blev ikke afkodet.</translation>
    </message>
    <message>
        <source>The server sent %1 wrapped in a FHIR Binary that could not be read: %2</source>
        <extracomment>%1 is a file name, %2 what is wrong with the Binary resource</extracomment>
        <translation>Serveren sendte %1 pakket ind i en FHIR Binary, der ikke kunne læses: %2</translation>
    </message>
    <message>
        <source>The manifest promised %1 resources but the file holds %2. The download is kept as a .part file until Retry downloads it again from the start.</source>
        <extracomment>%1 and %2 are numbers of resources</extracomment>
        <translation>Manifestet lovede %1 ressourcer, men filen indeholder %2. Det hentede gemmes som en .part-fil, indtil Prøv igen henter den igen fra begyndelsen.</translation>
    </message>
</context>
<context>
    <name>fbm::FolderLocks</name>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <extracomment>%1 is a folder, %2 the reason</extracomment>
        <translation>Kan ikke oprette mappen %1: %2</translation>
    </message>
    <message>
        <source>a file of that name is in the way</source>
        <translation>en fil med det navn er i vejen</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Kan ikke oprette mappen %1.</translation>
    </message>
    <message>
        <source>Another export is still saving into %1. Choose another folder.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>En anden eksport gemmer stadig i %1. Vælg en anden mappe.</translation>
    </message>
    <message>
        <source>Cannot write into the folder %1: %2</source>
        <extracomment>%1 is a folder, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke skrive i mappen %1: %2</translation>
    </message>
    <message>
        <source>Another export, in another window or command, is still saving into %1. Choose another folder.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>En anden eksport, i et andet vindue eller en anden kommando, gemmer stadig i %1. Vælg en anden mappe.</translation>
    </message>
</context>
<context>
    <name>fbm::FolderOpener</name>
    <message>
        <source>The folder does not exist (yet): nothing was saved in it.</source>
        <translation>Mappen findes ikke (endnu): intet er gemt i den.</translation>
    </message>
    <message>
        <source>Folder not opened</source>
        <translation>Mappen blev ikke åbnet</translation>
    </message>
    <message>
        <source>The desktop has no program to open folders with. The files are in:

%1</source>
        <extracomment>%1 is a folder path</extracomment>
        <translation>Skrivebordet har intet program til at åbne mapper med. Filerne ligger i:

%1</translation>
    </message>
</context>
<context>
    <name>fbm::GzipReader</name>
    <message>
        <source>%1 is not a complete gzip file.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 er ikke en komplet gzip-fil.</translation>
    </message>
</context>
<context>
    <name>fbm::HelpDialog</name>
    <message>
        <source>FHIR Bulk Monitor Guide</source>
        <translation>Vejledning til FHIR Bulk Monitor</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Vejledning</translation>
    </message>
    <message>
        <source>What an export is</source>
        <translation>Hvad er en eksport?</translation>
    </message>
    <message>
        <source>What to export: system, Patient or Group</source>
        <translation>Hvad skal eksporteres: system, Patient eller Group</translation>
    </message>
    <message>
        <source>What the states mean</source>
        <translation>Hvad tilstandene betyder</translation>
    </message>
    <message>
        <source>Where the files go</source>
        <translation>Hvor filerne havner</translation>
    </message>
    <message>
        <source>When the files expire</source>
        <translation>Når filerne udløber</translation>
    </message>
    <message>
        <source>Cancel, retry and run again</source>
        <translation>Annuller, prøv igen og kør igen</translation>
    </message>
    <message>
        <source>Quitting and starting again</source>
        <translation>Når du afslutter og starter igen</translation>
    </message>
    <message>
        <source>An export copies data from a FHIR server into a folder on this computer. You choose the server, what to export and the folder; the server then gathers the data, which can take from seconds to hours. This program checks on the export until the server is done, and then saves the files.</source>
        <translation>En eksport kopierer data fra en FHIR-server til en mappe på denne computer. Du vælger serveren, hvad der skal eksporteres, og mappen; derefter samler serveren dataene, hvilket kan tage fra sekunder til timer. Programmet holder øje med eksporten, til serveren er færdig, og gemmer så filerne.</translation>
    </message>
    <message>
        <source>Start one with New export (%1). Meanwhile you can start more exports, or quit: the program carries on when you start it again.</source>
        <extracomment>%1 is the New export command&apos;s keyboard shortcut (Ctrl+N)</extracomment>
        <translation>Start en med Ny eksport (%1). Imens kan du starte flere eksporter eller afslutte: programmet fortsætter, når du starter det igen.</translation>
    </message>
    <message>
        <source>Everything on the server (system)</source>
        <translation>Alt på serveren (system)</translation>
    </message>
    <message>
        <source>Every resource of the chosen types on the server, not only patient data. Some servers allow this only to administrators.</source>
        <translation>Alle ressourcer af de valgte typer på serveren, ikke kun patientdata. Nogle servere tillader det kun for administratorer.</translation>
    </message>
    <message>
        <source>All patients (Patient)</source>
        <translation>Alle patienter (Patient)</translation>
    </message>
    <message>
        <source>The records of all patients and what belongs to them, such as their observations, conditions and medications.</source>
        <translation>Data om alle patienter og det, der hører til dem, fx deres observationer, diagnoser og medicin.</translation>
    </message>
    <message>
        <source>The patients of one group (Group)</source>
        <translation>Patienterne i én gruppe (Group)</translation>
    </message>
    <message>
        <source>The same, but only for the patients of one group on the server, for example a study cohort or a clinic&apos;s list. Pick the group from the server&apos;s list or type its id.</source>
        <translation>Det samme, men kun for patienterne i én gruppe på serveren, fx en forskningskohorte eller en kliniks patientliste. Vælg gruppen på serverens liste, eller skriv dens id.</translation>
    </message>
    <message>
        <source>Under Resource types you choose which kinds of data to export, for example Patient and Observation. With none chosen, the server exports every type it has.</source>
        <translation>Under Ressourcetyper vælger du, hvilke slags data der skal eksporteres, fx Patient og Observation. Vælger du ingen, eksporterer serveren alle de typer, den har.</translation>
    </message>
    <message>
        <source>The State column shows where each export is:</source>
        <translation>Kolonnen Tilstand viser, hvor langt hver eksport er nået:</translation>
    </message>
    <message>
        <source>The program is asking the server to start the export.</source>
        <translation>Programmet beder serveren om at starte eksporten.</translation>
    </message>
    <message>
        <source>The server is gathering the data. The program asks it now and then how far it is: Next check counts down to the next question, and Server says shows the server&apos;s last answer.</source>
        <translation>Serveren samler dataene. Programmet spørger den med mellemrum, hvor langt den er: Næste kontrol tæller ned til næste spørgsmål, og Serveren svarer viser serverens seneste svar.</translation>
    </message>
    <message>
        <source>The server has the files ready. They are downloaded at once, unless you turned that off in New export; then choose Download files (%1).</source>
        <extracomment>%1 is the Download files command&apos;s keyboard shortcut (Ctrl+D)</extracomment>
        <translation>Serveren har filerne klar. De hentes med det samme, medmindre du har slået det fra i Ny eksport; vælg så Hent filer (%1).</translation>
    </message>
    <message>
        <source>The files are being saved in the export&apos;s folder.</source>
        <translation>Filerne gemmes i eksportens mappe.</translation>
    </message>
    <message>
        <source>Every file is saved and checked. The export is done: Open folder (%1) shows the files.</source>
        <extracomment>%1 is the Open folder command&apos;s keyboard shortcut (Ctrl+O)</extracomment>
        <translation>Alle filer er gemt og kontrolleret. Eksporten er færdig: Åbn mappe (%1) viser filerne.</translation>
    </message>
    <message>
        <source>Something went wrong; the Details tab says what. Retry (%1) carries on from where it stopped.</source>
        <extracomment>%1 is the Retry command&apos;s keyboard shortcut (Ctrl+R)</extracomment>
        <translation>Noget gik galt; fanen Detaljer fortæller hvad. Prøv igen (%1) fortsætter, hvor eksporten stoppede.</translation>
    </message>
    <message>
        <source>The export was cancelled and the server was asked to stop. Files already saved stay in the folder.</source>
        <translation>Eksporten blev annulleret, og serveren blev bedt om at stoppe. Filer, der allerede er gemt, bliver i mappen.</translation>
    </message>
    <message>
        <source>The server no longer has the export or its files. Start a new export to get the data.</source>
        <translation>Serveren har ikke længere eksporten eller dens filer. Start en ny eksport for at få dataene.</translation>
    </message>
    <message>
        <source>Each export is saved in a folder of its own: the one you choose in New export, by default in Documents/%1, under the server&apos;s name. Open folder (%2), or a double click on a saved export, opens it.</source>
        <extracomment>%1 is the name of the folder in Documents (FHIR exports), %2 the Open folder command&apos;s keyboard shortcut (Ctrl+O)</extracomment>
        <translation>Hver eksport gemmes i sin egen mappe: den, du vælger i Ny eksport, som standard i Dokumenter/%1 under serverens navn. Åbn mappe (%2) eller et dobbeltklik på en gemt eksport åbner mappen.</translation>
    </message>
    <message>
        <source>There is one file per resource type, such as Patient.1.ndjson or Observation.1.ndjson (a large type is split into more files). Each line is one record in FHIR&apos;s JSON format. What the server wrote about problems is in the errors folder, and manifest.json lists everything the server delivered.</source>
        <translation>Der er én fil pr. ressourcetype, fx Patient.1.ndjson eller Observation.1.ndjson (en stor type deles i flere filer). Hver linje er én post i FHIR&apos;s JSON-format. Det, serveren skrev om problemer, ligger i mappen errors, og manifest.json viser alt, hvad serveren leverede.</translation>
    </message>
    <message>
        <source>A server keeps the files of a finished export only for a while, often a few hours. The Files expire column counts down the time left. After that the files can no longer be downloaded: the state becomes %1, and the export must be started again.</source>
        <extracomment>%1 is the state&apos;s name (Expired)</extracomment>
        <translation>En server beholder kun filerne fra en færdig eksport et stykke tid, ofte få timer. Kolonnen Filerne udløber viser, hvor lang tid der er tilbage. Derefter kan filerne ikke længere hentes: tilstanden bliver %1, og eksporten skal startes igen.</translation>
    </message>
    <message>
        <source>Files already saved on this computer never expire. When the program warns that the server will soon delete files that are not saved, choose Save files now.</source>
        <translation>Filer, der allerede er gemt på denne computer, udløber aldrig. Når programmet advarer om, at serveren snart sletter filer, der ikke er gemt, skal du vælge Gem filerne nu.</translation>
    </message>
    <message>
        <source>Cancel export (%1) asks the server to stop. The work the server has done is lost; files already saved stay in their folder.</source>
        <extracomment>%1 is the Cancel export command&apos;s keyboard shortcut (Ctrl+.)</extracomment>
        <translation>Annuller eksport (%1) beder serveren om at stoppe. Det arbejde, serveren har gjort, går tabt; filer, der allerede er gemt, bliver i deres mappe.</translation>
    </message>
    <message>
        <source>Retry (%1) carries on with a failed export from where it stopped. To run a cancelled or expired export again, start a New export (%2) with the same choices.</source>
        <extracomment>%1 is the Retry command&apos;s keyboard shortcut (Ctrl+R), %2 New export&apos;s (Ctrl+N)</extracomment>
        <translation>Prøv igen (%1) fortsætter en mislykket eksport, hvor den stoppede. Vil du køre en annulleret eller udløbet eksport igen, så start en Ny eksport (%2) med de samme valg.</translation>
    </message>
    <message>
        <source>Remove from list (%1) only takes an export off this list; its files stay where they are.</source>
        <extracomment>%1 is the Remove from list command&apos;s keyboard shortcut (Del)</extracomment>
        <translation>Fjern fra listen (%1) fjerner kun eksporten fra listen; dens filer bliver, hvor de er.</translation>
    </message>
    <message>
        <source>Exports keep running on their servers while this program is closed. When you start it again, it checks on them and resumes unfinished downloads.</source>
        <translation>Eksporter kører videre på deres servere, mens programmet er lukket. Når du starter det igen, kontrollerer det dem og fortsætter de hentninger, der ikke blev færdige.</translation>
    </message>
    <message>
        <source>Exports on the built-in demo server end when you quit: the demo server stops with the program.</source>
        <translation>Eksporter på den indbyggede demoserver slutter, når du afslutter: demoserveren stopper sammen med programmet.</translation>
    </message>
</context>
<context>
    <name>fbm::HttpClient</name>
    <message>
        <source>The server %1 refused the connection. Is the address right and the server running?</source>
        <extracomment>%1 is a host name</extracomment>
        <translation>Serveren %1 afviste forbindelsen. Er adressen rigtig, og kører serveren?</translation>
    </message>
    <message>
        <source>The server %1 closed the connection before the answer was complete.</source>
        <translation>Serveren %1 lukkede forbindelsen, før svaret var færdigt.</translation>
    </message>
    <message>
        <source>The server name %1 could not be found. Check the address and the network.</source>
        <translation>Servernavnet %1 kunne ikke findes. Kontrollér adressen og netværket.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>Serveren %1 svarede ikke i tide.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. The server&apos;s certificate is not trusted; if your organisation uses its own certificate authority, add its certificate to the server profile.</source>
        <translation>Den sikre forbindelse til %1 mislykkedes: %2. Serverens certifikat er ikke betroet; hvis din organisation bruger sin egen certifikatudsteder, så tilføj dens certifikat til serverprofilen.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <extracomment>%1 is a host name, %2 the network library&apos;s description of the failure</extracomment>
        <translation>Forbindelsen til %1 mislykkedes: %2</translation>
    </message>
    <message>
        <source>Nothing arrived from %1 for %2 seconds; the transfer was stopped.</source>
        <extracomment>%1 is a host name, %2 a number of seconds</extracomment>
        <translation>Intet kom fra %1 i %2 sekunder; overførslen blev stoppet.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stoppet.</translation>
    </message>
    <message>
        <source>The address is %1 bytes long, more than the %2 KiB any server accepts; the request was not sent.</source>
        <extracomment>%1 is a number of bytes, %2 a size limit in KiB</extracomment>
        <translation>Adressen er %1 bytes lang, mere end de %2 KiB, nogen server tager imod; anmodningen blev ikke sendt.</translation>
    </message>
    <message>
        <source>%1 was not contacted: %2.</source>
        <extracomment>%1 is a URL, %2 why its address may not be reached</extracomment>
        <translation>%1 blev ikke kontaktet: %2.</translation>
    </message>
    <message>
        <source>%1 was not contacted: its address %2 is refused, because %3.</source>
        <extracomment>%1 is a URL, %2 an IP address, %3 why it may not be reached</extracomment>
        <translation>%1 blev ikke kontaktet: dens adresse %2 afvises, fordi %3.</translation>
    </message>
    <message>
        <source>The header %1 contains a line break or a NUL character; the request was not sent.</source>
        <extracomment>%1 is an HTTP header name</extracomment>
        <translation>Headeren %1 indeholder et linjeskift eller et NUL-tegn; forespørgslen blev ikke sendt.</translation>
    </message>
    <message>
        <source>The server&apos;s answer has more than %1 KiB of headers; it was not read.</source>
        <extracomment>%1 is a size in KiB</extracomment>
        <translation>Serverens svar har mere end %1 KiB headers; det blev ikke læst.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than %1 MiB; it was not read.</source>
        <extracomment>%1 is a size in MiB</extracomment>
        <translation>Serverens svar er større end %1 MiB; det blev ikke læst.</translation>
    </message>
    <message>
        <source>Access token refused; getting a new one and trying once more.</source>
        <translation>Adgangstokenet blev afvist; henter et nyt og prøver én gang mere.</translation>
    </message>
    <message>
        <source>The server redirected to an address that is not HTTP(S); it was not followed.</source>
        <translation>Serveren omdirigerede til en adresse, der ikke er HTTP(S); den blev ikke fulgt.</translation>
    </message>
    <message>
        <source>The server redirected from a secure (https) address to an insecure (http) one; it was not followed.</source>
        <translation>Serveren omdirigerede fra en sikker (https) til en usikker (http) adresse; den blev ikke fulgt.</translation>
    </message>
    <message>
        <source>The server redirected too many times.</source>
        <translation>Serveren omdirigerede for mange gange.</translation>
    </message>
    <message>
        <source>The server redirected to another origin; it was not followed.</source>
        <translation>Serveren omdirigerede til en anden oprindelse; den blev ikke fulgt.</translation>
    </message>
    <message>
        <source>Redirected to another origin: the access token is not sent there.</source>
        <translation>Omdirigeret til en anden oprindelse: adgangstokenet sendes ikke dertil.</translation>
    </message>
    <message>
        <source>Redirected.</source>
        <translation>Omdirigeret.</translation>
    </message>
</context>
<context>
    <name>fbm::InteractiveLoginAuth</name>
    <message>
        <source>The server offers no sign-in page (no authorization endpoint).</source>
        <translation>Serveren har ingen side til log ind (intet authorization-endpoint).</translation>
    </message>
    <message>
        <source>The sign-in could not start: no local port for the browser&apos;s answer.</source>
        <translation>Log ind kunne ikke starte: ingen lokal port til browserens svar.</translation>
    </message>
    <message>
        <source>Signed in. You can close this page and return to FHIR Bulk Monitor.</source>
        <translation>Du er logget ind. Du kan lukke denne side og vende tilbage til FHIR Bulk Monitor.</translation>
    </message>
    <message>
        <source>The sign-in failed: %1 (%2).</source>
        <extracomment>%1 is an OAuth error code, %2 the server&apos;s text</extracomment>
        <translation>Log ind mislykkedes: %1 (%2).</translation>
    </message>
    <message>
        <source>The sign-in answer did not match the request (state mismatch); it was ignored.</source>
        <translation>Svaret på log ind passede ikke til forespørgslen (state stemmer ikke); det blev ignoreret.</translation>
    </message>
    <message>
        <source>The sign-in was not completed in time. Try again.</source>
        <translation>Log ind blev ikke gennemført i tide. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>fbm::JobActions</name>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Annuller eksport</translation>
    </message>
    <message>
        <source>Ask the server to stop the selected exports</source>
        <translation>Bed serveren om at stoppe de valgte eksporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Try the selected failed exports again</source>
        <translation>Prøv de valgte mislykkede eksporter igen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Prøv igen</translation>
    </message>
    <message>
        <source>&amp;Download files</source>
        <translation>&amp;Hent filer</translation>
    </message>
    <message>
        <source>Save the files of the selected finished exports</source>
        <translation>Gem filerne fra de valgte færdige eksporter</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Hent</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>Kontrollér &amp;nu</translation>
    </message>
    <message>
        <source>Ask the server for the export&apos;s status now instead of waiting</source>
        <translation>Spørg serveren om eksportens status nu i stedet for at vente</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Åbn mappe</translation>
    </message>
    <message>
        <source>Open the folder the export&apos;s files are saved in</source>
        <translation>Åbn mappen, som eksportens filer er gemt i</translation>
    </message>
    <message>
        <source>Remove from &amp;list</source>
        <translation>Fjern fra &amp;listen</translation>
    </message>
    <message>
        <source>Remove the selected exports from this list; saved files stay where they are</source>
        <translation>Fjern de valgte eksporter fra listen; gemte filer bliver, hvor de er</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Run a&amp;gain</source>
        <translation>&amp;Kør igen</translation>
    </message>
    <message>
        <source>Start the selected ended exports again with the same settings, each into a new folder</source>
        <translation>Start de valgte afsluttede eksporter igen med de samme indstillinger, hver i en ny mappe</translation>
    </message>
    <message>
        <source>Run again for c&amp;hanges since</source>
        <translation>Kør igen for æn&amp;dringer siden</translation>
    </message>
    <message>
        <source>Start the selected exports again for only what changed on the server since they were made</source>
        <translation>Start de valgte eksporter igen for kun det, der er ændret på serveren, siden de blev lavet</translation>
    </message>
    <message>
        <source>This demo export ended with the program that ran it, and no demo server runs now. Start the program with --demo to run demo exports again.</source>
        <translation>Denne demoeksport sluttede sammen med det program, der kørte den, og der kører ingen demoserver nu. Start programmet med --demo for at køre demoeksporter igen.</translation>
    </message>
    <message>
        <source>Start the demo export again: its demo server stopped with the program, so it starts over on the demo server that runs now.</source>
        <translation>Start demoeksporten igen: dens demoserver stoppede sammen med programmet, så den starter forfra på den demoserver, der kører nu.</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Annuller eksport</translation>
    </message>
    <message numerus="yes">
        <source>Ask the server to stop %n export(s)? The work the server has done so far is lost; files already saved stay in their folder.</source>
        <translation>
            <numerusform>Vil du bede serveren om at stoppe %Ln eksport? Det arbejde, serveren har gjort indtil nu, går tabt; filer, der allerede er gemt, bliver i deres mappe.</numerusform>
            <numerusform>Vil du bede serveren om at stoppe %Ln eksporter? Det arbejde, serveren har gjort indtil nu, går tabt; filer, der allerede er gemt, bliver i deres mappe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Fjern fra listen</translation>
    </message>
    <message>
        <source>Some of these exports are still running. Removing them stops following them here; the server is not told to stop. Files already saved stay in their folder.</source>
        <translation>Nogle af disse eksporter kører stadig. Hvis du fjerner dem, følges de ikke længere her; serveren får ikke besked om at stoppe. Filer, der allerede er gemt, bliver i deres mappe.</translation>
    </message>
</context>
<context>
    <name>fbm::JobActivityModel</name>
    <message>
        <source>Asked for the export: the server accepted</source>
        <translation>Bad om eksporten: serveren tog imod</translation>
    </message>
    <message>
        <source>Asked for the export: no answer</source>
        <translation>Bad om eksporten: intet svar</translation>
    </message>
    <message>
        <source>Asked for the export: refused (HTTP %1)</source>
        <extracomment>%1 is an HTTP status such as 400</extracomment>
        <translation>Bad om eksporten: afvist (HTTP %1)</translation>
    </message>
    <message>
        <source>Told the server it may remove the export: it was gone already</source>
        <translation>Sagde til serveren, at den må fjerne eksporten: den var allerede væk</translation>
    </message>
    <message>
        <source>Told the server it may remove the export</source>
        <translation>Sagde til serveren, at den må fjerne eksporten</translation>
    </message>
    <message>
        <source>Told the server it may remove the export: no answer</source>
        <translation>Sagde til serveren, at den må fjerne eksporten: intet svar</translation>
    </message>
    <message>
        <source>Told the server it may remove the export: refused (HTTP %1)</source>
        <translation>Sagde til serveren, at den må fjerne eksporten: afvist (HTTP %1)</translation>
    </message>
    <message>
        <source>Asked how far the server is: still working</source>
        <translation>Spurgte, hvor langt serveren er: arbejder stadig</translation>
    </message>
    <message>
        <source>Asked how far the server is: the files are ready</source>
        <translation>Spurgte, hvor langt serveren er: filerne er klar</translation>
    </message>
    <message>
        <source>Asked how far the server is: asked to wait</source>
        <translation>Spurgte, hvor langt serveren er: bad os vente</translation>
    </message>
    <message>
        <source>Asked how far the server is: no answer</source>
        <translation>Spurgte, hvor langt serveren er: intet svar</translation>
    </message>
    <message>
        <source>Asked how far the server is: a problem (HTTP %1)</source>
        <extracomment>%1 is an HTTP status such as 503</extracomment>
        <translation>Spurgte, hvor langt serveren er: et problem (HTTP %1)</translation>
    </message>
    <message>
        <source>Read the next page of the file list</source>
        <translation>Læste næste side af fillisten</translation>
    </message>
    <message>
        <source>Read the next page of the file list: no answer</source>
        <translation>Læste næste side af fillisten: intet svar</translation>
    </message>
    <message>
        <source>Read the next page of the file list: a problem (HTTP %1)</source>
        <translation>Læste næste side af fillisten: et problem (HTTP %1)</translation>
    </message>
    <message>
        <source>Downloaded %1</source>
        <extracomment>%1 is a file name such as Patient.1.ndjson</extracomment>
        <translation>Hentede %1</translation>
    </message>
    <message>
        <source>Downloading %1: no answer</source>
        <extracomment>%1 is a file name such as Patient.1.ndjson</extracomment>
        <translation>Hentning af %1: intet svar</translation>
    </message>
    <message>
        <source>Downloading %1: a problem (HTTP %2)</source>
        <extracomment>%1 is a file name such as Patient.1.ndjson, %2 an HTTP status such as 404</extracomment>
        <translation>Hentning af %1: et problem (HTTP %2)</translation>
    </message>
    <message>
        <source>Asked the server which software it runs</source>
        <translation>Spurgte serveren, hvilken software den kører</translation>
    </message>
    <message>
        <source>Signed in to the server</source>
        <translation>Loggede ind på serveren</translation>
    </message>
    <message>
        <source>Signing in: no answer</source>
        <translation>Log ind: intet svar</translation>
    </message>
    <message>
        <source>Signing in: refused (HTTP %1)</source>
        <translation>Log ind: afvist (HTTP %1)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>intet svar</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>%1 is a number of milliseconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hvad skete der</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Forespørgsel</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>fbm::JobCompletion</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Kan ikke oprette mappen %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file, %2 the reason</extracomment>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>%1 is a list of file names, %n the number of files not named</extracomment>
        <translation>
            <numerusform>%1 og %n anden</numerusform>
            <numerusform>%1 og %n andre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be fetched before the server removed them: %1. Start a new export to get them.</source>
        <extracomment>%n is the number of files, %1 their names</extracomment>
        <translation>
            <numerusform>%n fil kunne ikke hentes, før serveren fjernede den: %1. Start en ny eksport for at få den.</numerusform>
            <numerusform>%n filer kunne ikke hentes, før serveren fjernede dem: %1. Start en ny eksport for at få dem.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be saved. Choose Retry to try them again.</source>
        <extracomment>%n is the number of files that could not be saved</extracomment>
        <translation>
            <numerusform>%Ln fil kunne ikke gemmes. Vælg Prøv igen for at prøve igen.</numerusform>
            <numerusform>%Ln filer kunne ikke gemmes. Vælg Prøv igen for at prøve igen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are no longer in the folder as they were saved, and the server has removed the export: a new export is needed.</source>
        <extracomment>%n is the number of files</extracomment>
        <translation>
            <numerusform>%n fil ligger ikke længere i mappen, som den blev gemt, og serveren har fjernet eksporten: der skal laves en ny eksport.</numerusform>
            <numerusform>%n filer ligger ikke længere i mappen, som de blev gemt, og serveren har fjernet eksporten: der skal laves en ny eksport.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JobDetailsPane</name>
    <message>
        <source>Export details</source>
        <translation>Eksportens detaljer</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detaljer</translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation>F&amp;iler</translation>
    </message>
    <message>
        <source>Re&amp;sources</source>
        <translation>Re&amp;ssourcer</translation>
    </message>
    <message>
        <source>Da&amp;ta</source>
        <translation>Da&amp;ta</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivitet</translation>
    </message>
    <message>
        <source>Choose an export in the list to see its details.</source>
        <translation>Vælg en eksport på listen for at se dens detaljer.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Tilstand:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Server says:</source>
        <translation>Serveren svarer:</translation>
    </message>
    <message>
        <source>Server says</source>
        <translation>Serveren svarer</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Besked:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Eksport:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Data as of:</source>
        <translation>Data pr.:</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Data pr.</translation>
    </message>
    <message>
        <source>Files kept until:</source>
        <translation>Filerne ligger på serveren indtil:</translation>
    </message>
    <message>
        <source>Files kept until</source>
        <translation>Filerne ligger på serveren indtil</translation>
    </message>
    <message>
        <source>On the server:</source>
        <translation>På serveren:</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>På serveren</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Bilag:</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Mappe:</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Tekniske detaljer</translation>
    </message>
    <message>
        <source>Show the addresses of the export request and of its status, for a technician</source>
        <translation>Vis adresserne på eksportforespørgslen og dens status, til en tekniker</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Forespørgsel:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Forespørgsel</translation>
    </message>
    <message>
        <source>Status URL:</source>
        <translation>Status-URL:</translation>
    </message>
    <message>
        <source>Status URL</source>
        <translation>Status-URL</translation>
    </message>
    <message>
        <source>Issues reported by the server</source>
        <translation>Problemer, som serveren har meldt</translation>
    </message>
    <message>
        <source>Files of the export</source>
        <translation>Eksportens filer</translation>
    </message>
    <message>
        <source>The server lists the files when the export is finished.</source>
        <translation>Serveren viser filerne, når eksporten er færdig.</translation>
    </message>
    <message>
        <source>&amp;Retry file</source>
        <translation>&amp;Prøv filen igen</translation>
    </message>
    <message>
        <source>Download the selected failed file again</source>
        <translation>Hent den valgte mislykkede fil igen</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Åbn &amp;mappe</translation>
    </message>
    <message>
        <source>Resources per type</source>
        <translation>Ressourcer pr. type</translation>
    </message>
    <message>
        <source>Activity: every request sent for this export</source>
        <translation>Aktivitet: alle forespørgsler sendt for denne eksport</translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation>Kopiér som &amp;curl-kommando</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command (the token appears as $TOKEN)</source>
        <translation>Kopiér den valgte forespørgsel som en curl-kommando (tokenet vises som $TOKEN)</translation>
    </message>
    <message>
        <source>The Authorization header and tokens are never shown or copied.</source>
        <translation>Authorization-headeren og tokens bliver aldrig vist eller kopieret.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>%1 is the state, %2 e.g. &quot;next check in 0:42&quot; or &quot;retrying in 0:05 (attempt 2)&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 is a date and time, %2 e.g. &quot;expires in 1 h 12 min&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Removed from the server %1</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>Fjernet fra serveren %1</translation>
    </message>
    <message>
        <source>Left on the server, as the profile asks</source>
        <translation>Ligger stadig på serveren, som profilen ønsker</translation>
    </message>
    <message numerus="yes">
        <source>%n saved in the attachments folder</source>
        <translation>
            <numerusform>%n gemt i mappen attachments</numerusform>
            <numerusform>%n gemt i mappen attachments</numerusform>
        </translation>
    </message>
    <message>
        <source>None in this export</source>
        <translation>Ingen i denne eksport</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n request(s) as curl; set TOKEN before running them.</source>
        <translation>
            <numerusform>Kopierede %Ln forespørgsel som curl-kommando; sæt TOKEN, før du kører den.</numerusform>
            <numerusform>Kopierede %Ln forespørgsler som curl-kommandoer; sæt TOKEN, før du kører dem.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JobFilesModel</name>
    <message>
        <source>failed</source>
        <translation>mislykkedes</translation>
    </message>
    <message>
        <source>%1 %</source>
        <extracomment>%1 is a percentage</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>%1 resources counted in the file, %2 the number the server announced
----------
%1 bytes saved of %2</extracomment>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fremskridt</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcer</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>The server lists the files when the export is finished.</source>
        <translation>Serveren viser filerne, når eksporten er færdig.</translation>
    </message>
    <message>
        <source>The server found nothing to export.</source>
        <translation>Serveren fandt intet at eksportere.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Henter filer</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <source>%1 (problems)</source>
        <extracomment>%1 is a resource type; the file lists problems the server met</extracomment>
        <translation>%1 (problemer)</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <extracomment>%1 is a resource type; the file lists deleted resources</extracomment>
        <translation>%1 (slettede)</translation>
    </message>
</context>
<context>
    <name>fbm::JobIssuesModel</name>
    <message>
        <source>fatal</source>
        <comment>issue severity</comment>
        <translation>fatal</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fejl</translation>
    </message>
    <message>
        <source>warning</source>
        <comment>issue severity</comment>
        <translation>advarsel</translation>
    </message>
    <message>
        <source>information</source>
        <comment>issue severity</comment>
        <translation>information</translation>
    </message>
    <message>
        <source>this export</source>
        <translation>denne eksport</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Alvorlighed</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostik</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
</context>
<context>
    <name>fbm::JobManager</name>
    <message>
        <source>Choose a folder for the exported files.</source>
        <translation>Vælg en mappe til de eksporterede filer.</translation>
    </message>
    <message>
        <source>The status URL must be an http:// or https:// URL.</source>
        <translation>Status-URL&apos;en skal være en http://- eller https://-URL.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulleret.</translation>
    </message>
    <message>
        <source>Another export here follows the same job on the server, so the server was not asked to cancel it.</source>
        <translation>En anden eksport her følger det samme job på serveren, så serveren blev ikke bedt om at annullere det.</translation>
    </message>
    <message>
        <source>Only an export that the server did not start can be sent again changed.</source>
        <translation>Kun en eksport, som serveren ikke startede, kan sendes igen med ændringer.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Fjernet.</translation>
    </message>
    <message>
        <source>%1 Choose Retry when it can be used again.</source>
        <extracomment>%1 is why the folder cannot be used</extracomment>
        <translation>%1 Vælg Prøv igen, når den kan bruges igen.</translation>
    </message>
    <message>
        <source>The application stopped while this export was being started. Choose Retry to start it again.</source>
        <translation>Programmet stoppede, mens eksporten blev startet. Vælg Prøv igen for at starte den igen.</translation>
    </message>
</context>
<context>
    <name>fbm::JobProgress</name>
    <message>
        <source>%1/s</source>
        <extracomment>a download speed; %1 is a size like &quot;2.1 MB&quot;</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starter…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <extracomment>the server&apos;s work so far; %1 a percentage like &quot;45 %&quot;</extracomment>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Server working · %1</source>
        <extracomment>%1 how long the server has worked, like &quot;&lt; 1 min&quot; or &quot;1 h 05 min&quot;</extracomment>
        <translation>Serveren arbejder · %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message numerus="yes">
        <source>Ready to download · %n file(s)</source>
        <translation>
            <numerusform>Klar til hentning · %n fil</numerusform>
            <numerusform>Klar til hentning · %n filer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <extracomment>%1 files saved, %2 files in the export</extracomment>
        <translation>%1 af %2 filer</translation>
    </message>
    <message>
        <source>%1 left</source>
        <extracomment>the download&apos;s time left; %1 a countdown like &quot;1:05&quot;</extracomment>
        <translation>%1 tilbage</translation>
    </message>
    <message>
        <source>Done: nothing to export</source>
        <translation>Færdig: intet at eksportere</translation>
    </message>
    <message numerus="yes">
        <source>Saved · %n file(s)</source>
        <translation>
            <numerusform>Gemt · %n fil</numerusform>
            <numerusform>Gemt · %n filer</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Mislykkedes: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Expired: the server no longer has the files</source>
        <translation>Udløbet: serveren har ikke filerne længere</translation>
    </message>
    <message>
        <source>Not cancelled · %1</source>
        <extracomment>a row whose cancel the server refused or did not receive; %1 how far the export is</extracomment>
        <translation>Ikke annulleret · %1</translation>
    </message>
</context>
<context>
    <name>fbm::JobResourcesModel</name>
    <message>
        <source>not said</source>
        <translation>ikke oplyst</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>Ressourcetype</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Resources saved</source>
        <translation>Gemte ressourcer</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Serveren svarede</translation>
    </message>
</context>
<context>
    <name>fbm::JobState</name>
    <message>
        <source>Starting</source>
        <translation>Starter</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Kører</translation>
    </message>
    <message>
        <source>Ready to download</source>
        <translation>Klar til hentning</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Henter filer</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
</context>
<context>
    <name>fbm::JobStore</name>
    <message>
        <source>not a job this version understands</source>
        <translation>ikke et job, som denne version forstår</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the job list.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Kan ikke oprette mappen %1 til joblisten.</translation>
    </message>
    <message>
        <source>Cannot save the job to %1: %2</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke gemme jobbet i %1: %2</translation>
    </message>
    <message>
        <source>The saved job %1 could not be read (%2); it was moved to %3.</source>
        <extracomment>%1 is a file name, %2 the reason, %3 where the file was moved</extracomment>
        <translation>Det gemte job %1 kunne ikke læses (%2); det blev flyttet til %3.</translation>
    </message>
</context>
<context>
    <name>fbm::JobTableModel</name>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <extracomment>files saved / files in the export</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>in %1 (attempt %2)</source>
        <extracomment>Under the header &quot;Next check&quot;: %1 is a countdown like 0:10, %2 the number of the attempt</extracomment>
        <translation>om %1 (forsøg %2)</translation>
    </message>
    <message>
        <source>retrying in %1 (attempt %2)</source>
        <extracomment>%1 is a countdown like 0:10, %2 the number of the attempt</extracomment>
        <translation>prøver igen om %1 (forsøg %2)</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>Under the header &quot;Next check&quot;: %1 is a countdown like 0:42</extracomment>
        <translation>om %1</translation>
    </message>
    <message>
        <source>next check in %1</source>
        <extracomment>%1 is a countdown like 0:42</extracomment>
        <translation>næste kontrol om %1</translation>
    </message>
    <message>
        <source>checking now…</source>
        <translation>kontrollerer nu…</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>udløbet</translation>
    </message>
    <message>
        <source>in %1</source>
        <comment>files expire</comment>
        <extracomment>Under the header &quot;Files expire&quot;: %1 is a duration like &quot;1 h 12 min&quot;</extracomment>
        <translation>om %1</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <extracomment>%1 is a duration like &quot;1 h 12 min&quot;</extracomment>
        <translation>udløber om %1</translation>
    </message>
    <message>
        <source>The export is asked for again at %1.</source>
        <extracomment>%1 is a time of day</extracomment>
        <translation>Eksporten bedes om igen kl. %1.</translation>
    </message>
    <message>
        <source>The next status request goes out at %1.</source>
        <extracomment>%1 is a time of day</extracomment>
        <translation>Næste statusforespørgsel sendes kl. %1.</translation>
    </message>
    <message>
        <source>%1 of %2 files saved, %3 resources</source>
        <extracomment>%1 files saved, %2 files in all, %3 resources (lines) saved</extracomment>
        <translation>%1 af %2 filer gemt, %3 ressourcer</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <extracomment>%1 is a number of bytes</extracomment>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>Finished %1</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>Færdig %1</translation>
    </message>
    <message>
        <source>The server keeps the files until %1.</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>Serveren beholder filerne til %1.</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>%1 is a number of minutes</extracomment>
        <translation>%1 min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>%1 hours and %2 minutes (two digits)</extracomment>
        <translation>%1 t. %2 min.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>%1 days and %2 hours</extracomment>
        <translation>%1 d. %2 t.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fremskridt</translation>
    </message>
    <message>
        <source>Server says</source>
        <translation>Serveren svarer</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>Næste kontrol</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Forløbet</translation>
    </message>
    <message>
        <source>Files expire</source>
        <translation>Filerne udløber</translation>
    </message>
    <message>
        <source>The server profile the export was started on</source>
        <translation>Den serverprofil, eksporten blev startet på</translation>
    </message>
    <message>
        <source>The export level and the resource types asked for</source>
        <translation>Eksportniveauet og de ønskede ressourcetyper</translation>
    </message>
    <message>
        <source>Where the export is in its life: running on the server, saving files, saved, failed or cancelled</source>
        <translation>Hvor langt eksporten er: kører på serveren, henter filer, gemt, mislykkedes eller annulleret</translation>
    </message>
    <message>
        <source>How far the export is: the server&apos;s work when it says how far it is, then the files saved, the speed and the time left</source>
        <translation>Hvor langt eksporten er: serverens arbejde, når den oplyser det, derefter de gemte filer, hastigheden og den resterende tid</translation>
    </message>
    <message>
        <source>The progress text the server sent (X-Progress), exactly as it was sent</source>
        <translation>Statusteksten, serveren sendte (X-Progress), præcis som den blev sendt</translation>
    </message>
    <message>
        <source>When the application asks the server again, as the server asked</source>
        <translation>Hvornår programmet spørger serveren igen, som serveren bad om</translation>
    </message>
    <message>
        <source>Files saved / files in the export</source>
        <translation>Gemte filer / filer i eksporten</translation>
    </message>
    <message>
        <source>Data saved so far</source>
        <translation>Data gemt indtil nu</translation>
    </message>
    <message>
        <source>When the export was started</source>
        <translation>Hvornår eksporten blev startet</translation>
    </message>
    <message>
        <source>How long the export has taken</source>
        <translation>Hvor lang tid eksporten har taget</translation>
    </message>
    <message>
        <source>Time left before the server deletes the files</source>
        <translation>Tid tilbage, før serveren sletter filerne</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Åbn mappe</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Hent</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
</context>
<context>
    <name>fbm::JobsPanel</name>
    <message>
        <source>Expiry warning</source>
        <translation>Advarsel om udløb</translation>
    </message>
    <message>
        <source>Save files now</source>
        <translation>Gem filerne nu</translation>
    </message>
    <message>
        <source>Export news</source>
        <translation>Nyt om eksporter</translation>
    </message>
    <message>
        <source>Filter exports…</source>
        <translation>Filtrér eksporter…</translation>
    </message>
    <message>
        <source>Filter exports</source>
        <translation>Filtrér eksporter</translation>
    </message>
    <message>
        <source>Show only the exports whose server, contents, state or progress text contain these words (Ctrl+F)</source>
        <translation>Vis kun de eksporter, hvis server, indhold, tilstand eller statustekst indeholder disse ord (Ctrl+F)</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <source>Try again leniently</source>
        <translation>Prøv igen, og lad serveren springe over</translation>
    </message>
    <message>
        <source>Try again without %1</source>
        <translation>Prøv igen uden %1</translation>
    </message>
    <message>
        <source>%1 was not cancelled. %2 The export goes on; you can try to cancel it again.</source>
        <extracomment>%1 what was exported, like &quot;System · all types&quot;, %2 why (the server&apos;s answer)</extracomment>
        <translation>%1 blev ikke annulleret. %2 Eksporten fortsætter; du kan prøve at annullere den igen.</translation>
    </message>
    <message>
        <source>Cancel again</source>
        <translation>Annuller igen</translation>
    </message>
    <message>
        <source>No export matches the filter</source>
        <translation>Ingen eksport passer til filteret</translation>
    </message>
    <message>
        <source>No exports from this server yet — New export (%1)</source>
        <extracomment>%1 is the New export command&apos;s keyboard shortcut (Ctrl+N)</extracomment>
        <translation>Ingen eksporter fra denne server endnu — Ny eksport (%1)</translation>
    </message>
    <message>
        <source>No exports yet — New export (%1)</source>
        <extracomment>%1 is the New export command&apos;s keyboard shortcut (Ctrl+N)</extracomment>
        <translation>Ingen eksporter endnu — Ny eksport (%1)</translation>
    </message>
    <message>
        <source>The guide in the Help menu (%1) explains what an export is, its states and where the files go.</source>
        <extracomment>%1 is the guide&apos;s keyboard shortcut (F1)</extracomment>
        <translation>Vejledningen i menuen Hjælp (%1) forklarer, hvad en eksport er, hvilke tilstande den har, og hvor filerne havner.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolonner</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%Ln kører</numerusform>
            <numerusform>%Ln kører</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n downloading %1</source>
        <extracomment>%1 a percentage like &quot;43 %&quot;</extracomment>
        <translation>
            <numerusform>%n henter %1</numerusform>
            <numerusform>%n henter %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ready to download</source>
        <translation>
            <numerusform>%Ln klar til at blive hentet</numerusform>
            <numerusform>%Ln klar til at blive hentet</numerusform>
        </translation>
    </message>
    <message>
        <source>next check in %1</source>
        <extracomment>%1 is a countdown like 0:42</extracomment>
        <translation>næste kontrol om %1</translation>
    </message>
    <message>
        <source>No exports yet. Choose New export to start one.</source>
        <translation>Ingen eksporter endnu. Vælg Ny eksport for at starte en.</translation>
    </message>
    <message>
        <source>Nothing running.</source>
        <translation>Intet kører.</translation>
    </message>
    <message numerus="yes">
        <source>The server will soon delete the files of %n export(s) that are not saved yet. Save them now or they are lost.</source>
        <translation>
            <numerusform>Serveren sletter snart filerne fra %Ln eksport, der ikke er gemt endnu. Gem dem nu, ellers går de tabt.</numerusform>
            <numerusform>Serveren sletter snart filerne fra %Ln eksporter, der ikke er gemt endnu. Gem dem nu, ellers går de tabt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::JsonTreeModel</name>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <extracomment>How many members a JSON object has</extracomment>
        <translation>
            <numerusform>{%n felt}</numerusform>
            <numerusform>{%n felter}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <extracomment>How many elements a JSON array has</extracomment>
        <translation>
            <numerusform>[%n element]</numerusform>
            <numerusform>[%n elementer]</numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <extracomment>A JSON member&apos;s name, or an element&apos;s number</extracomment>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
</context>
<context>
    <name>fbm::KeychainSecretStore</name>
    <message>
        <source>No keychain is available on this computer, so secrets cannot be saved. They can be kept for this session only, until the program closes.</source>
        <translation>Der er ingen nøglering på denne computer, så hemmeligheder kan ikke gemmes. De kan gemmes kun i denne session, til programmet lukkes.</translation>
    </message>
    <message>
        <source>The keychain refused access. Unlock it, or allow this program to use it, and try again.</source>
        <translation>Nøgleringen afviste adgang. Lås den op, eller giv dette program lov til at bruge den, og prøv igen.</translation>
    </message>
    <message>
        <source>The keychain could not be used.</source>
        <translation>Nøgleringen kunne ikke bruges.</translation>
    </message>
</context>
<context>
    <name>fbm::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prog</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>&amp;Systemets sprog</translation>
    </message>
    <message>
        <source>Applies after a restart</source>
        <translation>Træder i kraft efter en genstart</translation>
    </message>
</context>
<context>
    <name>fbm::MainWindow</name>
    <message>
        <source>FHIR Bulk Monitor</source>
        <extracomment>the window&apos;s title while exports run; %1 what runs, like &quot;2 running · 1 downloading 43 %&quot;</extracomment>
        <translation>FHIR Bulk Monitor</translation>
    </message>
    <message>
        <source>&amp;New export…</source>
        <translation>&amp;Ny eksport…</translation>
    </message>
    <message>
        <source>Start a new export on a server</source>
        <translation>Start en ny eksport på en server</translation>
    </message>
    <message>
        <source>New export</source>
        <translation>Ny eksport</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Quit the application</source>
        <translation>Afslut programmet</translation>
    </message>
    <message>
        <source>&amp;About FHIR Bulk Monitor</source>
        <translation>&amp;Om FHIR Bulk Monitor</translation>
    </message>
    <message>
        <source>Version and licence of this application</source>
        <translation>Dette programs version og licens</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Vejledning</translation>
    </message>
    <message>
        <source>What an export is, what its states mean and where the files go</source>
        <translation>Hvad en eksport er, hvad dens tilstande betyder, og hvor filerne havner</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Om &amp;Qt</translation>
    </message>
    <message>
        <source>About the Qt toolkit</source>
        <translation>Om værktøjssættet Qt</translation>
    </message>
    <message>
        <source>&amp;Filter jobs</source>
        <translation>&amp;Filtrér job</translation>
    </message>
    <message>
        <source>Filter the list of exports</source>
        <translation>Filtrér listen over eksporter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksport</translation>
    </message>
    <message>
        <source>&amp;Servers</source>
        <translation>&amp;Servere</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hovedværktøjslinje</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Keychain state</source>
        <translation>Nøgleringens tilstand</translation>
    </message>
    <message>
        <source>The servers keep working on the running exports while this program is closed. When you start it again, it checks on them and resumes the downloads.</source>
        <translation>Serverne arbejder videre på de eksporter, der kører, mens programmet er lukket. Når du starter det igen, kontrollerer det dem og fortsætter med at hente filerne.</translation>
    </message>
    <message>
        <source>Demo exports end when you quit: the demo server stops with the program.</source>
        <translation>Demoeksporter slutter, når du afslutter: demoserveren stopper sammen med programmet.</translation>
    </message>
    <message>
        <source>Quit while exports are running?</source>
        <translation>Vil du afslutte, mens der kører eksporter?</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>&amp;Lad programmet køre</translation>
    </message>
    <message>
        <source>%1 — FHIR Bulk Monitor</source>
        <translation>%1 — FHIR Bulk Monitor</translation>
    </message>
    <message>
        <source>Add a server first: an export is always started on a server.</source>
        <translation>Tilføj først en server: en eksport startes altid på en server.</translation>
    </message>
    <message>
        <source>Export not started</source>
        <translation>Eksporten blev ikke startet</translation>
    </message>
    <message>
        <source>This demo export cannot run again: no demo server runs now. Start the program with --demo.</source>
        <translation>Denne demoeksport kan ikke køre igen: der kører ingen demoserver nu. Start programmet med --demo.</translation>
    </message>
    <message>
        <source>Some saved exports could not be read</source>
        <translation>Nogle gemte eksporter kunne ikke læses</translation>
    </message>
</context>
<context>
    <name>fbm::Manifest</name>
    <message>
        <source>The server&apos;s manifest is not valid: %1</source>
        <extracomment>%1 says what exactly is wrong with the manifest</extracomment>
        <translation>Serverens manifest er ikke gyldigt: %1</translation>
    </message>
    <message>
        <source>it is not JSON (%1 at byte %2).</source>
        <extracomment>%1 is the JSON parser&apos;s message, %2 a byte offset</extracomment>
        <translation>det er ikke JSON (%1 ved byte %2).</translation>
    </message>
    <message>
        <source>it is not a JSON object.</source>
        <translation>det er ikke et JSON-objekt.</translation>
    </message>
    <message>
        <source>the server sent an OperationOutcome instead of a manifest.</source>
        <translation>serveren sendte et OperationOutcome i stedet for et manifest.</translation>
    </message>
    <message>
        <source>&quot;transactionTime&quot; is not a date and time.</source>
        <translation>&quot;transactionTime&quot; er ikke en dato og et klokkeslæt.</translation>
    </message>
    <message>
        <source>&quot;transactionTime&quot; is not a string.</source>
        <translation>&quot;transactionTime&quot; er ikke en tekst.</translation>
    </message>
    <message>
        <source>The manifest has no transactionTime.</source>
        <translation>Manifestet har ingen transactionTime.</translation>
    </message>
    <message>
        <source>&quot;requiresAccessToken&quot; was sent as a string.</source>
        <translation>&quot;requiresAccessToken&quot; blev sendt som en tekst.</translation>
    </message>
    <message>
        <source>The manifest does not say whether files need the access token; the token is sent to the server&apos;s own address only.</source>
        <translation>Manifestet siger ikke, om filerne kræver adgangstokenet; tokenet sendes kun til serverens egen adresse.</translation>
    </message>
    <message>
        <source>&quot;requiresAccessToken&quot; is neither true nor false.</source>
        <translation>&quot;requiresAccessToken&quot; er hverken true eller false.</translation>
    </message>
    <message>
        <source>the &quot;output&quot; list is missing.</source>
        <translation>listen &quot;output&quot; mangler.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a list.</source>
        <extracomment>%1 is a field name like &quot;output&quot;</extracomment>
        <translation>&quot;%1&quot; er ikke en liste.</translation>
    </message>
    <message>
        <source>it lists more files than this application accepts (%1).</source>
        <translation>den viser flere filer, end dette program accepterer (%1).</translation>
    </message>
    <message>
        <source>%1 entry %2</source>
        <extracomment>%1 is a field name like &quot;output&quot;, %2 the entry&apos;s position</extracomment>
        <translation>%1 element %2</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 er ikke et objekt.</translation>
    </message>
    <message>
        <source>%1 has a &quot;type&quot; that is not text.</source>
        <translation>%1 har en &quot;type&quot;, der ikke er tekst.</translation>
    </message>
    <message>
        <source>%1 has no &quot;url&quot;.</source>
        <translation>%1 har ingen &quot;url&quot;.</translation>
    </message>
    <message>
        <source>%1 has a &quot;url&quot; longer than %2 KiB; it will not be fetched.</source>
        <extracomment>%1 names the entry, %2 a size in KiB</extracomment>
        <translation>%1 har en &quot;url&quot;, der er længere end %2 KiB; den hentes ikke.</translation>
    </message>
    <message>
        <source>%1 has a &quot;url&quot; that is not an HTTP(S) address; it will not be fetched.</source>
        <extracomment>%1 names the entry; HTTP(S) are protocol names</extracomment>
        <translation>%1 har en &quot;url&quot;, der ikke er en HTTP(S)-adresse; den bliver ikke hentet.</translation>
    </message>
    <message>
        <source>%1 has a &quot;count&quot; that is not a whole number of resources.</source>
        <translation>%1 har en &quot;count&quot;, der ikke er et helt antal ressourcer.</translation>
    </message>
    <message>
        <source>the link to the next page is longer than %1 KiB.</source>
        <translation>linket til næste side er længere end %1 KiB.</translation>
    </message>
    <message>
        <source>the link to the next page is not an HTTP(S) address.</source>
        <translation>linket til næste side er ikke en HTTP(S)-adresse.</translation>
    </message>
    <message>
        <source>&quot;link&quot; is not a list.</source>
        <translation>&quot;link&quot; er ikke en liste.</translation>
    </message>
</context>
<context>
    <name>fbm::ManifestAssembler</name>
    <message>
        <source>The manifest&apos;s pages link back to a page already read; stopping there.</source>
        <translation>Manifestets sider linker tilbage til en side, der allerede er læst; stopper der.</translation>
    </message>
    <message>
        <source>The manifest has more pages than this application accepts.</source>
        <translation>Manifestet har flere sider, end dette program accepterer.</translation>
    </message>
    <message>
        <source>The resource type &quot;%1&quot; is not a safe file name; the file is saved as &quot;%2&quot;.</source>
        <extracomment>%1 is a resource type as the server wrote it, %2 the file name used</extracomment>
        <translation>Ressourcetypen &quot;%1&quot; er ikke et sikkert filnavn; filen gemmes som &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>fbm::MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>Luk denne besked</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Luk beskeden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>fbm::NdjsonIndex</name>
    <message>
        <source>No room for a decompressed copy: %1</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Der er ikke plads til en udpakket kopi: %1</translation>
    </message>
</context>
<context>
    <name>fbm::NdjsonReader</name>
    <message>
        <source>%1 is not a complete gzip file.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 er ikke en komplet gzip-fil.</translation>
    </message>
    <message>
        <source>The decompressed copy could not be written.</source>
        <translation>Den udpakkede kopi kunne ikke skrives.</translation>
    </message>
</context>
<context>
    <name>fbm::OAuthTokenAuth</name>
    <message>
        <source>Stopped.</source>
        <translation>Stoppet.</translation>
    </message>
    <message>
        <source>The token endpoint issued no token.</source>
        <translation>Token-endpointet udstedte intet token.</translation>
    </message>
    <message>
        <source>The token endpoint %1 could not be reached.</source>
        <extracomment>%1 is a web address</extracomment>
        <translation>Token-endpointet %1 kunne ikke nås.</translation>
    </message>
    <message>
        <source>The token endpoint refused the request: %1.</source>
        <extracomment>%1 is an OAuth error code such as invalid_client</extracomment>
        <translation>Token-endpointet afviste forespørgslen: %1.</translation>
    </message>
    <message>
        <source>The token endpoint refused the request: %1 (%2).</source>
        <extracomment>%1 is an OAuth error code such as invalid_client, %2 the server&apos;s text</extracomment>
        <translation>Token-endpointet afviste forespørgslen: %1 (%2).</translation>
    </message>
    <message>
        <source>The token endpoint answered %1. Try again later.</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Token-endpointet svarede %1. Prøv igen senere.</translation>
    </message>
    <message>
        <source>The token endpoint answered %1 and issued no token.</source>
        <extracomment>%1 is an HTTP status code</extracomment>
        <translation>Token-endpointet svarede %1 og udstedte intet token.</translation>
    </message>
    <message>
        <source>The token endpoint&apos;s answer holds no access token.</source>
        <translation>Token-endpointets svar indeholder intet adgangstoken.</translation>
    </message>
    <message>
        <source>The token endpoint issued a token of type &quot;%1&quot;; only Bearer tokens are supported.</source>
        <extracomment>%1 is a token type such as &quot;mac&quot;</extracomment>
        <translation>Token-endpointet udstedte et token af typen &quot;%1&quot;; kun Bearer-tokens understøttes.</translation>
    </message>
    <message>
        <source>The token endpoint %1 does not use HTTPS; credentials are not sent over an unencrypted connection.</source>
        <extracomment>%1 is a web address</extracomment>
        <translation>Token-endpointet %1 bruger ikke HTTPS; legitimation sendes ikke over en ukrypteret forbindelse.</translation>
    </message>
</context>
<context>
    <name>fbm::OverviewProblemsModel</name>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>fbm::OverviewTypesModel</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcer</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patienter</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Dates</source>
        <extracomment>The span of the resources&apos; clinical dates</extracomment>
        <translation>Datoer</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Senest opdateret</translation>
    </message>
</context>
<context>
    <name>fbm::Profile</name>
    <message>
        <source>No authorization</source>
        <translation>Ingen godkendelse</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-token</translation>
    </message>
    <message>
        <source>Client credentials (client secret)</source>
        <translation>Client credentials (klienthemmelighed)</translation>
    </message>
    <message>
        <source>SMART Backend Services</source>
        <translation>SMART Backend Services</translation>
    </message>
    <message>
        <source>Sign in with a browser</source>
        <translation>Log ind med en browser</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Profilen skal have et navn.</translation>
    </message>
    <message>
        <source>The server address must be a web address starting with https:// (or http://).</source>
        <translation>Serveradressen skal være en webadresse, der begynder med https:// (eller http://).</translation>
    </message>
    <message>
        <source>The client id is missing.</source>
        <translation>Klient-id mangler.</translation>
    </message>
    <message>
        <source>The token URL is not a complete web address.</source>
        <translation>Token-URL&apos;en er ikke en fuldstændig webadresse.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <extracomment>%1 is a profile name</extracomment>
        <translation>Der findes allerede en profil med navnet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The profiles could not be saved to %1.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Profilerne kunne ikke gemmes i %1.</translation>
    </message>
</context>
<context>
    <name>fbm::ProfilesPanel</name>
    <message>
        <source>&amp;Add server…</source>
        <translation>&amp;Tilføj server…</translation>
    </message>
    <message>
        <source>Add a server profile</source>
        <translation>Tilføj en serverprofil</translation>
    </message>
    <message>
        <source>&amp;Edit server…</source>
        <translation>&amp;Rediger server…</translation>
    </message>
    <message>
        <source>Change the selected server profile</source>
        <translation>Ret den valgte serverprofil</translation>
    </message>
    <message>
        <source>D&amp;uplicate server…</source>
        <translation>&amp;Dupliker server…</translation>
    </message>
    <message>
        <source>Make a new profile from a copy of the selected one</source>
        <translation>Lav en ny profil som en kopi af den valgte</translation>
    </message>
    <message>
        <source>&amp;Delete server</source>
        <translation>&amp;Slet server</translation>
    </message>
    <message>
        <source>Delete the selected server profile and its secrets</source>
        <translation>Slet den valgte serverprofil og dens hemmeligheder</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Servere</translation>
    </message>
    <message>
        <source>Choose a server to see only its exports; New export starts on the chosen server</source>
        <translation>Vælg en server for kun at se dens eksporter; Ny eksport starter på den valgte server</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tilføj…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Dupliker…</translation>
    </message>
    <message>
        <source>Copy the selected server profile</source>
        <translation>Kopiér den valgte serverprofil</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Delete the selected server profile</source>
        <translation>Slet den valgte serverprofil</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Alle servere</translation>
    </message>
    <message>
        <source>The exports of every server</source>
        <translation>Eksporterne fra alle servere</translation>
    </message>
    <message>
        <source>The built-in demo server on this computer; it is not saved.</source>
        <translation>Den indbyggede demoserver på denne computer; den gemmes ikke.</translation>
    </message>
    <message>
        <source>A reporting server</source>
        <translation>En rapportserver</translation>
    </message>
    <message>
        <source>The demo profiles are built in: they cannot be changed, copied or deleted.</source>
        <translation>Demoprofilerne er indbyggede: de kan ikke ændres, kopieres eller slettes.</translation>
    </message>
    <message>
        <source>Choose a server in the list first.</source>
        <translation>Vælg først en server på listen.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <extracomment>%1 is the name of the profile that was copied</extracomment>
        <translation>%1 (kopi)</translation>
    </message>
    <message>
        <source>Delete server</source>
        <translation>Slet server</translation>
    </message>
    <message>
        <source>Delete the server profile &quot;%1&quot; and the secrets kept for it? Exports already in the list stay there.</source>
        <extracomment>%1 is a server profile&apos;s name</extracomment>
        <translation>Vil du slette serverprofilen &quot;%1&quot; og de hemmeligheder, der er gemt til den? Eksporter, der allerede er på listen, bliver der.</translation>
    </message>
    <message>
        <source>Server not saved</source>
        <translation>Serveren blev ikke gemt</translation>
    </message>
</context>
<context>
    <name>fbm::ReportArchive</name>
    <message>
        <source>The report</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <source>%1 was saved as %2 (%3).</source>
        <extracomment>%1 a report&apos;s name, %2 a file path, %3 a size such as &quot;12 KiB&quot;</extracomment>
        <translation>%1 blev gemt som %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is not generated yet: the server sent its &quot;NOT GENERATED YET&quot; placeholder, so nothing was saved. Try again later.</source>
        <extracomment>%1 a report&apos;s name</extracomment>
        <translation>%1 er ikke lavet endnu: serveren sendte sin pladsholder &quot;NOT GENERATED YET&quot;, så intet blev gemt. Prøv igen senere.</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) saved in %1.</source>
        <extracomment>%n reports, %1 a folder</extracomment>
        <translation>
            <numerusform>%Ln rapport gemt i %1.</numerusform>
            <numerusform>%Ln rapporter gemt i %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already saved, skipped.</source>
        <translation>
            <numerusform>%Ln allerede gemt, sprunget over.</numerusform>
            <numerusform>%Ln allerede gemt, sprunget over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not generated yet.</source>
        <translation>
            <numerusform>%Ln ikke lavet endnu.</numerusform>
            <numerusform>%Ln ikke lavet endnu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed:</source>
        <translation>
            <numerusform>%Ln mislykkedes:</numerusform>
            <numerusform>%Ln mislykkedes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) extracted to %1.</source>
        <extracomment>%n files, %1 a folder</extracomment>
        <translation>
            <numerusform>%Ln fil pakket ud i %1.</numerusform>
            <numerusform>%Ln filer pakket ud i %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ReportBinary</name>
    <message>
        <source>The reporting server did not send the report:
%1</source>
        <extracomment>%1 the server&apos;s issues, one per line</extracomment>
        <translation>Rapportserveren sendte ikke rapporten:
%1</translation>
    </message>
    <message>
        <source>The report could not be read: %1 It was not saved.</source>
        <extracomment>%1 says what is wrong with the report&apos;s Binary resource</extracomment>
        <translation>Rapporten kunne ikke læses: %1 Den blev ikke gemt.</translation>
    </message>
</context>
<context>
    <name>fbm::ReportClient</name>
    <message>
        <source>Listing the report jobs</source>
        <translation>Visning af rapportjob</translation>
    </message>
    <message>
        <source>There is no job list to save yet: refresh the list first.</source>
        <translation>Der er ingen jobliste at gemme endnu: opdatér listen først.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <extracomment>%1 a file path, %2 the system&apos;s reason</extracomment>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
</context>
<context>
    <name>fbm::ReportDetailsPane</name>
    <message>
        <source>Job details</source>
        <translation>Jobdetaljer</translation>
    </message>
    <message>
        <source>Select a report job to see all it says.</source>
        <translation>Vælg et rapportjob for at se alle dets oplysninger.</translation>
    </message>
    <message>
        <source>Details of the selected report job</source>
        <translation>Detaljer om det valgte rapportjob</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation>&amp;Kopiér værdi</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(ikke angivet)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Report class</source>
        <translation>Rapportklasse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Bruger-id</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Kørselstid</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Report file (Binary)</source>
        <translation>Rapportfil (Binary)</translation>
    </message>
    <message>
        <source>Fetched from</source>
        <translation>Hentet fra</translation>
    </message>
    <message>
        <source>Saved as</source>
        <translation>Gemt som</translation>
    </message>
    <message>
        <source>Job id</source>
        <translation>Job-id</translation>
    </message>
    <message>
        <source>Full URL</source>
        <translation>Fuld URL</translation>
    </message>
    <message>
        <source>Other parts</source>
        <translation>Andre dele</translation>
    </message>
</context>
<context>
    <name>fbm::ReportDownloader</name>
    <message>
        <source>The job for %1 names no report file to download.</source>
        <extracomment>%1 the report&apos;s name</extracomment>
        <translation>Jobbet for %1 angiver ingen rapportfil at hente.</translation>
    </message>
    <message>
        <source>Downloading the report %1</source>
        <extracomment>%1 the report&apos;s name</extracomment>
        <translation>Hentning af rapporten %1</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <extracomment>%1 a folder path</extracomment>
        <translation>Kunne ikke oprette mappen %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
</context>
<context>
    <name>fbm::ReportJob</name>
    <message>
        <source>Report</source>
        <extracomment>column headers of the report jobs saved as a CSV table</extracomment>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Report class</source>
        <translation>Rapportklasse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Bruger-id</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Kørselstid</translation>
    </message>
    <message>
        <source>Run time (seconds)</source>
        <translation>Kørselstid (sekunder)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <source>Report file</source>
        <translation>Rapportfil</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>Job-id</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <extracomment>A period of time; %1 the start, %2 the end (&quot;…&quot; when open)</extracomment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fejl</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <extracomment>a run time of a day or more: %1 the days, %2 hours and minutes, e.g. &quot;1 d 03:12&quot;</extracomment>
        <translation>%1 d %2</translation>
    </message>
    <message>
        <source>The reporting server&apos;s answer is not JSON, so the report jobs cannot be shown.</source>
        <translation>Rapportserverens svar er ikke JSON, så rapportjobbene kan ikke vises.</translation>
    </message>
    <message>
        <source>The reporting server&apos;s answer is not a FHIR resource, so the report jobs cannot be shown.</source>
        <translation>Rapportserverens svar er ikke en FHIR-ressource, så rapportjobbene kan ikke vises.</translation>
    </message>
    <message>
        <source>The reporting server answered with an error:
%1</source>
        <extracomment>%1 the server&apos;s issues, one per line</extracomment>
        <translation>Rapportserveren svarede med en fejl:
%1</translation>
    </message>
    <message>
        <source>The reporting server sent %1 where a Bundle of report jobs was expected.</source>
        <extracomment>%1 the resource type the server sent (or &quot;nothing&quot;)</extracomment>
        <translation>Rapportserveren sendte %1, hvor der var ventet et Bundle med rapportjob.</translation>
    </message>
    <message>
        <source>a JSON object without a resourceType</source>
        <translation>et JSON-objekt uden resourceType</translation>
    </message>
    <message>
        <source>The reporting server&apos;s Bundle has an unreadable entry list.</source>
        <translation>Rapportserverens Bundle har en liste over elementer, der ikke kan læses.</translation>
    </message>
    <message>
        <source>Entry %1 is not a report job (%2); it was skipped.</source>
        <extracomment>%1 the entry number, %2 the resource type found</extracomment>
        <translation>Element %1 er ikke et rapportjob (%2); det blev sprunget over.</translation>
    </message>
    <message>
        <source>no resource</source>
        <translation>ingen ressource</translation>
    </message>
    <message>
        <source>Entry %1 holds no reportJob parameter; it was skipped.</source>
        <extracomment>%1 the entry number</extracomment>
        <translation>Element %1 indeholder ingen reportJob-parameter; det blev sprunget over.</translation>
    </message>
</context>
<context>
    <name>fbm::ReportJobActions</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 what the action does, %2 its keyboard shortcut</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdatér</translation>
    </message>
    <message>
        <source>Ask the reporting server for the state of its report jobs</source>
        <translation>Spørg rapportserveren om status for dens rapportjob</translation>
    </message>
    <message>
        <source>&amp;Save status…</source>
        <translation>&amp;Gem status…</translation>
    </message>
    <message>
        <source>Save all jobs to a file: as a table (CSV) or as the server&apos;s answer (JSON)</source>
        <translation>Gem alle job i en fil: som tabel (CSV) eller som serverens svar (JSON)</translation>
    </message>
    <message>
        <source>&amp;Download report</source>
        <translation>&amp;Hent rapport</translation>
    </message>
    <message>
        <source>Save the selected finished reports in the reports folder</source>
        <translation>Gem de valgte færdige rapporter i rapportmappen</translation>
    </message>
    <message>
        <source>Download &amp;all finished…</source>
        <translation>Hent &amp;alle færdige…</translation>
    </message>
    <message>
        <source>Save every finished report that is not saved yet into a folder</source>
        <translation>Gem alle færdige rapporter, der ikke er gemt endnu, i en mappe</translation>
    </message>
    <message>
        <source>S&amp;tart report…</source>
        <translation>S&amp;tart rapport…</translation>
    </message>
    <message>
        <source>Start one of the reports the server offers</source>
        <translation>Start en af de rapporter, serveren tilbyder</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Åbn</translation>
    </message>
    <message>
        <source>Open the selected job&apos;s saved report with the system&apos;s program</source>
        <translation>Åbn det valgte jobs gemte rapport med systemets program</translation>
    </message>
    <message>
        <source>E&amp;xtract…</source>
        <translation>&amp;Pak ud…</translation>
    </message>
    <message>
        <source>Unpack the selected job&apos;s saved ZIP report into a folder</source>
        <translation>Pak det valgte jobs gemte ZIP-rapport ud i en mappe</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>The server names no report file for this job</source>
        <translation>Serveren angiver ingen rapportfil til dette job</translation>
    </message>
    <message>
        <source>The report can be downloaded once the job is done</source>
        <translation>Rapporten kan hentes, når jobbet er færdigt</translation>
    </message>
    <message>
        <source>Save the selected finished reports in the reports folder (%1)</source>
        <translation>Gem de valgte færdige rapporter i rapportmappen (%1)</translation>
    </message>
</context>
<context>
    <name>fbm::ReportJobModel</name>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Kørselstid</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametre</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Running</source>
        <extracomment>a report job&apos;s status</extracomment>
        <translation>Kører</translation>
    </message>
    <message>
        <source>Queued</source>
        <extracomment>a report job&apos;s status: waiting for its turn on the server</extracomment>
        <translation>I kø</translation>
    </message>
    <message>
        <source>The report is ready to download.</source>
        <translation>Rapporten er klar til at blive hentet.</translation>
    </message>
    <message>
        <source>The report is done, but the server names no file for it.</source>
        <translation>Rapporten er færdig, men serveren angiver ingen fil til den.</translation>
    </message>
    <message>
        <source>The server could not make this report. Start it again, or ask the server&apos;s administrators.</source>
        <translation>Serveren kunne ikke lave denne rapport. Start den igen, eller spørg serverens administratorer.</translation>
    </message>
    <message>
        <source>The server gave no status; the job is taken as not finished.</source>
        <translation>Serveren gav ingen status; jobbet regnes som ikke færdigt.</translation>
    </message>
    <message>
        <source>The server reports &quot;%1&quot;: the report is not finished yet.</source>
        <extracomment>%1 the status word the server sent, e.g. RUNNING</extracomment>
        <translation>Serveren melder &quot;%1&quot;: rapporten er ikke færdig endnu.</translation>
    </message>
    <message>
        <source>(unknown report)</source>
        <translation>(ukendt rapport)</translation>
    </message>
    <message>
        <source>The server did not name the report.</source>
        <translation>Serveren angav ikke rapportens navn.</translation>
    </message>
</context>
<context>
    <name>fbm::ReportJobsView</name>
    <message>
        <source>Report jobs on %1</source>
        <extracomment>%1 the name of a reporting server profile</extracomment>
        <translation>Rapportjob på %1</translation>
    </message>
    <message>
        <source>Report jobs</source>
        <translation>Rapportjob</translation>
    </message>
    <message>
        <source>Report actions</source>
        <translation>Rapporthandlinger</translation>
    </message>
    <message>
        <source>Filter reports…</source>
        <translation>Filtrér rapporter…</translation>
    </message>
    <message>
        <source>Filter report jobs</source>
        <translation>Filtrér rapportjob</translation>
    </message>
    <message>
        <source>Show only the jobs whose report, status, user, times or parameters contain these words (Ctrl+F)</source>
        <translation>Vis kun de job, hvis rapport, status, bruger, tidspunkter eller parametre indeholder disse ord (Ctrl+F)</translation>
    </message>
    <message>
        <source>Some entries of the server&apos;s answer are not report jobs and are not shown:
%1</source>
        <extracomment>%1 one sentence per skipped entry</extracomment>
        <translation>Nogle elementer i serverens svar er ikke rapportjob og vises ikke:
%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>A report</source>
        <translation>En rapport</translation>
    </message>
    <message>
        <source>Report done</source>
        <extracomment>%1 a report&apos;s name, %2 the server profile&apos;s name</extracomment>
        <translation>Rapporten er færdig</translation>
    </message>
    <message>
        <source>%1 on %2 is done.</source>
        <translation>%1 på %2 er færdig.</translation>
    </message>
    <message>
        <source>Report failed</source>
        <translation>Rapporten mislykkedes</translation>
    </message>
    <message>
        <source>%1 on %2 failed.</source>
        <translation>%1 på %2 mislykkedes.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>Extract…</source>
        <translation>Pak ud…</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Vis mappe</translation>
    </message>
    <message>
        <source>There is no job list to save yet: refresh the list first.</source>
        <translation>Der er ingen jobliste at gemme endnu: opdatér listen først.</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-tabel (*.csv)</translation>
    </message>
    <message>
        <source>Save the report job status</source>
        <translation>Gem status for rapportjobbene</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>The job status was saved to %1.</source>
        <extracomment>%1 a file path</extracomment>
        <translation>Jobstatus blev gemt i %1.</translation>
    </message>
    <message>
        <source>This report is not finished yet; it can be downloaded once its job is done.</source>
        <translation>Denne rapport er ikke færdig endnu; den kan hentes, når dens job er færdigt.</translation>
    </message>
    <message>
        <source>Select a finished report job to download its report.</source>
        <translation>Vælg et færdigt rapportjob for at hente dets rapport.</translation>
    </message>
    <message>
        <source>Save reports in</source>
        <translation>Gem rapporter i</translation>
    </message>
    <message>
        <source>Save all finished reports in</source>
        <translation>Gem alle færdige rapporter i</translation>
    </message>
    <message>
        <source>No program could open %1.</source>
        <extracomment>%1 a file or folder path</extracomment>
        <translation>Intet program kunne åbne %1.</translation>
    </message>
    <message>
        <source>This job&apos;s report is not saved yet: download it first.</source>
        <translation>Dette jobs rapport er ikke gemt endnu: hent den først.</translation>
    </message>
    <message>
        <source>This job has no saved ZIP report to extract: download it first.</source>
        <translation>Dette job har ingen gemt ZIP-rapport at pakke ud: hent den først.</translation>
    </message>
    <message>
        <source>Extract the report into</source>
        <translation>Pak rapporten ud i</translation>
    </message>
    <message>
        <source>The report %1 was started; it appears in the list as a new job.</source>
        <extracomment>%1 the report operation&apos;s name</extracomment>
        <translation>Rapporten %1 blev startet; den vises på listen som et nyt job.</translation>
    </message>
</context>
<context>
    <name>fbm::ReportOperations</name>
    <message>
        <source>Reading the reports the server offers</source>
        <translation>Læsning af de rapporter, serveren tilbyder</translation>
    </message>
    <message>
        <source>The server&apos;s metadata is not a CapabilityStatement, so its reports are unknown.</source>
        <translation>Serverens metadata er ikke et CapabilityStatement, så dens rapporter er ukendte.</translation>
    </message>
    <message>
        <source>No report was chosen.</source>
        <translation>Der blev ikke valgt nogen rapport.</translation>
    </message>
    <message>
        <source>Starting the report %1</source>
        <extracomment>%1 the report&apos;s name</extracomment>
        <translation>Start af rapporten %1</translation>
    </message>
</context>
<context>
    <name>fbm::ReportRequests</name>
    <message>
        <source>%1 failed: %2</source>
        <extracomment>%1 what was being done (&quot;Listing the report jobs&quot;), %2 the reason</extracomment>
        <translation>%1 mislykkedes: %2</translation>
    </message>
    <message>
        <source>Check the server&apos;s sign-in settings or the access token.</source>
        <translation>Kontrollér serverens indstillinger for log ind eller adgangstokenet.</translation>
    </message>
    <message>
        <source>Your user may lack the permission for this on the reporting server.</source>
        <translation>Din bruger mangler måske tilladelse til dette på rapportserveren.</translation>
    </message>
</context>
<context>
    <name>fbm::ReportStatusLine</name>
    <message>
        <source>Report list status</source>
        <translation>Status for rapportlisten</translation>
    </message>
    <message>
        <source>Auto &amp;refresh:</source>
        <translation>Automatisk &amp;opdatering:</translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>the auto refresh interval&apos;s unit, after the number</extracomment>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <extracomment>shown instead of 0 seconds: no automatic refresh</extracomment>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Automatic refresh interval in seconds</source>
        <translation>Interval for automatisk opdatering i sekunder</translation>
    </message>
    <message>
        <source>While a report job is unfinished, refresh the list this often (Off: only when you ask)</source>
        <translation>Opdatér listen så ofte, mens et rapportjob ikke er færdigt (Fra: kun når du beder om det)</translation>
    </message>
    <message>
        <source>Asking the server for its report jobs…</source>
        <translation>Spørger serveren om dens rapportjob…</translation>
    </message>
    <message>
        <source>Report jobs: %1</source>
        <extracomment>%1 a number of report jobs</extracomment>
        <translation>Rapportjob: %1</translation>
    </message>
    <message>
        <source>Report jobs: %1 of %2 shown</source>
        <translation>Rapportjob: %1 af %2 vist</translation>
    </message>
    <message>
        <source>unfinished: %1</source>
        <extracomment>%1 a number of report jobs</extracomment>
        <translation>ikke færdige: %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <extracomment>%1 a time of day</extracomment>
        <translation>opdateret %1</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>opdaterer…</translation>
    </message>
    <message>
        <source>the last refresh failed</source>
        <translation>den seneste opdatering mislykkedes</translation>
    </message>
    <message numerus="yes">
        <source>refreshing every %n second(s) while jobs run</source>
        <extracomment>%n seconds between automatic refreshes</extracomment>
        <translation>
            <numerusform>opdaterer hvert sekund, mens job kører</numerusform>
            <numerusform>opdaterer hvert %Ln. sekund, mens job kører</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ResourceBrowser</name>
    <message>
        <source>Resources</source>
        <translation>Ressourcer</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <source>Text anywhere in the resource</source>
        <translation>Tekst et sted i ressourcen</translation>
    </message>
    <message>
        <source>Resources in the file</source>
        <translation>Ressourcer i filen</translation>
    </message>
    <message>
        <source>The selected resource</source>
        <translation>Den valgte ressource</translation>
    </message>
    <message>
        <source>Resources in %1</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Ressourcer i %1</translation>
    </message>
    <message numerus="yes">
        <source>Reading the file… %Ln resource(s) so far</source>
        <translation>
            <numerusform>Læser filen… %Ln ressource indtil nu</numerusform>
            <numerusform>Læser filen… %Ln ressourcer indtil nu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln resource(s)</source>
        <translation>
            <numerusform>%Ln ressource</numerusform>
            <numerusform>%Ln ressourcer</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching… %1 match so far</source>
        <extracomment>%1 is a number of resources</extracomment>
        <translation>Søger… %1 fundet indtil nu</translation>
    </message>
    <message>
        <source>%1 of %2 resources match</source>
        <extracomment>%1 and %2 are numbers of resources</extracomment>
        <translation>%1 af %2 ressourcer passer</translation>
    </message>
</context>
<context>
    <name>fbm::ResourceTableModel</name>
    <message>
        <source>(not a JSON resource)</source>
        <translation>(ikke en JSON-ressource)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>The clinical date of a resource: when it was measured, diagnosed, prescribed…</extracomment>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Oversigt</translation>
    </message>
</context>
<context>
    <name>fbm::SavedFiles</name>
    <message>
        <source>%1 was not complete on the disk after the computer restarted (it had not been written to the disk yet); it is downloaded again.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 var ikke komplet på disken, da computeren blev startet igen (den var endnu ikke skrevet til disken); den hentes igen.</translation>
    </message>
    <message>
        <source>%1 is no longer in the folder as it was saved (deleted, moved or changed since); it is downloaded again.</source>
        <translation>%1 ligger ikke længere i mappen, som den blev gemt (slettet, flyttet eller ændret siden); den hentes igen.</translation>
    </message>
    <message>
        <source>Not complete on the disk after the computer restarted.</source>
        <translation>Ikke komplet på disken, da computeren blev startet igen.</translation>
    </message>
    <message>
        <source>No longer in the folder as it was saved, and the server no longer has the export: a new export is needed.</source>
        <translation>Ligger ikke længere i mappen, som den blev gemt, og serveren har ikke længere eksporten: en ny eksport er nødvendig.</translation>
    </message>
</context>
<context>
    <name>fbm::Schedule</name>
    <message>
        <source>A schedule needs a name.</source>
        <translation>En tidsplan skal have et navn.</translation>
    </message>
    <message>
        <source>The schedule name &quot;%1&quot; may hold only letters A-Z, digits, - and _ (at most 64).</source>
        <extracomment>%1 is the name the user gave</extracomment>
        <translation>Tidsplanens navn &quot;%1&quot; må kun indeholde bogstaverne A-Z, cifre, - og _ (højst 64).</translation>
    </message>
    <message>
        <source>A schedule needs a profile.</source>
        <translation>En tidsplan skal have en serverprofil.</translation>
    </message>
    <message>
        <source>A schedule needs a folder to save in.</source>
        <translation>En tidsplan skal have en mappe at gemme i.</translation>
    </message>
    <message>
        <source>A schedule needs a time of day.</source>
        <translation>En tidsplan skal have et klokkeslæt.</translation>
    </message>
    <message>
        <source>A weekly schedule needs a day of the week.</source>
        <translation>En ugentlig tidsplan skal have en ugedag.</translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <extracomment>%1 is a time of day such as 02:30</extracomment>
        <translation>Hver dag kl. %1</translation>
    </message>
    <message>
        <source>Every Monday at %1</source>
        <translation>Hver mandag kl. %1</translation>
    </message>
    <message>
        <source>Every Tuesday at %1</source>
        <translation>Hver tirsdag kl. %1</translation>
    </message>
    <message>
        <source>Every Wednesday at %1</source>
        <translation>Hver onsdag kl. %1</translation>
    </message>
    <message>
        <source>Every Thursday at %1</source>
        <translation>Hver torsdag kl. %1</translation>
    </message>
    <message>
        <source>Every Friday at %1</source>
        <translation>Hver fredag kl. %1</translation>
    </message>
    <message>
        <source>Every Saturday at %1</source>
        <translation>Hver lørdag kl. %1</translation>
    </message>
    <message>
        <source>Every Sunday at %1</source>
        <translation>Hver søndag kl. %1</translation>
    </message>
</context>
<context>
    <name>fbm::ScheduleController</name>
    <message>
        <source>Sc&amp;hedules…</source>
        <translation>&amp;Tidsplaner…</translation>
    </message>
    <message>
        <source>Re&amp;peat…</source>
        <translation>&amp;Gentag…</translation>
    </message>
    <message>
        <source>The recurring exports, their next and last runs</source>
        <translation>De gentagne eksporter, deres næste og seneste kørsel</translation>
    </message>
    <message>
        <source>Repeat the selected export daily or weekly</source>
        <translation>Gentag den valgte eksport hver dag eller hver uge</translation>
    </message>
    <message>
        <source>Only an export from a saved server can be repeated.</source>
        <translation>Kun en eksport fra en gemt server kan gentages.</translation>
    </message>
    <message>
        <source>Select the export to repeat first.</source>
        <translation>Vælg først den eksport, der skal gentages.</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot;, %2: %3</source>
        <extracomment>%1 a schedule&apos;s name, %2 a date and time, %3 why the run failed</extracomment>
        <translation>Tidsplan &quot;%1&quot;, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled export(s) failed</source>
        <extracomment>%n is the number of failed scheduled runs</extracomment>
        <translation>
            <numerusform>%Ln planlagt eksport mislykkedes</numerusform>
            <numerusform>%Ln planlagte eksporter mislykkedes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ScheduleDialog</name>
    <message>
        <source>Repeat Export</source>
        <translation>Gentag eksport</translation>
    </message>
    <message>
        <source>for example nightly-heart-group</source>
        <translation>for eksempel hjertegruppe-nat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Hver dag</translation>
    </message>
    <message>
        <source>Every week on</source>
        <translation>Hver uge om</translation>
    </message>
    <message>
        <source>at</source>
        <extracomment>between the day and the time: &quot;Every week on Monday at 02:00&quot;</extracomment>
        <translation>kl.</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Gentag:</translation>
    </message>
    <message>
        <source>Only the &amp;changes since the last run</source>
        <translation>Kun &amp;ændringerne siden sidste kørsel</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Gennem&amp;se…</translation>
    </message>
    <message>
        <source>Save &amp;in:</source>
        <translation>Gem &amp;i:</translation>
    </message>
    <message>
        <source>Each run saves into a folder of its own, named by its date and time, inside this folder.</source>
        <translation>Hver kørsel gemmer i sin egen mappe, navngivet efter dato og klokkeslæt, inde i denne mappe.</translation>
    </message>
    <message>
        <source>Each run &amp;executes:</source>
        <translation>Hver kørsel &amp;udfører:</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Planlæg</translation>
    </message>
    <message>
        <source>Save the Runs In</source>
        <translation>Gem kørslerne i</translation>
    </message>
</context>
<context>
    <name>fbm::ScheduleListModel</name>
    <message>
        <source>%1, changes only</source>
        <extracomment>%1 is when a schedule runs, such as &quot;Every day at 02:30&quot;</extracomment>
        <translation>%1, kun ændringer</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>ikke kørt endnu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a date and time, %2 how the run ended (a sentence)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: mislykkedes: %2</translation>
    </message>
    <message>
        <source>%1: done</source>
        <extracomment>%1 a date and time</extracomment>
        <translation>%1: færdig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Gentages</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Næste kørsel</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Seneste kørsel</translation>
    </message>
</context>
<context>
    <name>fbm::ScheduleService</name>
    <message>
        <source>There is already a schedule named &quot;%1&quot;; remove it first.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Der findes allerede en tidsplan med navnet &quot;%1&quot;. Fjern den først.</translation>
    </message>
    <message>
        <source>There is no schedule named &quot;%1&quot;.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Der findes ingen tidsplan med navnet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <extracomment>%1 is a program</extracomment>
        <translation>%1 kunne ikke startes.</translation>
    </message>
</context>
<context>
    <name>fbm::ScheduleStore</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Kan ikke oprette mappen %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Kan ikke fjerne %1.</translation>
    </message>
</context>
<context>
    <name>fbm::SchedulesDialog</name>
    <message>
        <source>Schedules</source>
        <translation>Tidsplaner</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tilføj…</translation>
    </message>
    <message>
        <source>R&amp;un Now</source>
        <translation>&amp;Kør nu</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>There is no systemd user session here, so the timer is not on. To turn it on later, run in a session of yours:
%1
Or add this line to your crontab (crontab -e):
%2</source>
        <extracomment>%1 is a command, %2 a line for the crontab</extracomment>
        <translation>Der er ingen systemd-brugersession her, så timeren er ikke slået til. Kør dette i en af dine sessioner for at slå den til senere:
%1
Eller føj denne linje til din crontab (crontab -e):
%2</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; is on; the next run is at %2.</source>
        <extracomment>%1 is a schedule&apos;s name, %2 a date and time</extracomment>
        <translation>Tidsplanen &quot;%1&quot; er slået til. Næste kørsel er %2.</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; is on.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Tidsplanen &quot;%1&quot; er slået til.</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; removed. If you added its line to your crontab, remove it there too.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Tidsplanen &quot;%1&quot; er fjernet. Hvis du har føjet dens linje til din crontab, så fjern den også der.</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; removed.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Tidsplanen &quot;%1&quot; er fjernet.</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; runs now; its export appears in the list when it has ended.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Tidsplanen &quot;%1&quot; kører nu. Dens eksport vises i listen, når den er færdig.</translation>
    </message>
</context>
<context>
    <name>fbm::SecretField</name>
    <message>
        <source>Replace…</source>
        <translation>Erstat…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <extracomment>%1 names a secret, e.g. &quot;Client secret&quot;</extracomment>
        <translation>Erstat %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <extracomment>%1 names a secret, e.g. &quot;Client secret&quot;</extracomment>
        <translation>Fjern %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Will be removed when you press OK.</source>
        <translation>Fjernes, når du trykker OK.</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Kontrollerer nøgleringen…</translation>
    </message>
    <message>
        <source>The keychain could not be read.</source>
        <translation>Nøgleringen kunne ikke læses.</translation>
    </message>
    <message>
        <source>Stored in the keychain.</source>
        <translation>Gemt i nøgleringen.</translation>
    </message>
    <message>
        <source>Kept for this session only.</source>
        <translation>Gemmes kun i denne session.</translation>
    </message>
</context>
<context>
    <name>fbm::ServerPage</name>
    <message>
        <source>For example: eHealth production</source>
        <translation>For eksempel: eHealth produktion</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>The FHIR base address: the one that [base]/metadata answers on.</source>
        <translation>FHIR-basisadressen: den, som [base]/metadata svarer på.</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>Bulk Data export server</source>
        <translation>Bulk Data-eksportserver</translation>
    </message>
    <message>
        <source>Reporting server (report jobs)</source>
        <translation>Rapportserver (rapportjob)</translation>
    </message>
    <message>
        <source>&amp;Kind of server:</source>
        <translation>Server&amp;type:</translation>
    </message>
    <message>
        <source>Chosen for each export</source>
        <translation>Vælges ved hver eksport</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gennemse…</translation>
    </message>
    <message>
        <source>Browse for the export folder</source>
        <translation>Vælg eksportmappen</translation>
    </message>
    <message>
        <source>Export &amp;folder:</source>
        <translation>Eksport&amp;mappe:</translation>
    </message>
    <message>
        <source>&amp;Leave the files on the server once they are saved</source>
        <translation>&amp;Lad filerne ligge på serveren, når de er gemt</translation>
    </message>
    <message>
        <source>Normally the server is told that it may remove an export&apos;s files as soon as every file is saved and checked here (some servers allow only one export at a time until then). Tick this when other programs fetch the same files.</source>
        <translation>Normalt får serveren besked om, at den må fjerne en eksports filer, så snart alle filer er gemt og kontrolleret her (nogle servere tillader kun én eksport ad gangen indtil da). Sæt flueben, når andre programmer henter de samme filer.</translation>
    </message>
    <message>
        <source>After saving:</source>
        <translation>Efter gemning:</translation>
    </message>
    <message>
        <source>Store the files &amp;compressed (.ndjson.gz)</source>
        <translation>Gem filerne &amp;komprimeret (.ndjson.gz)</translation>
    </message>
    <message>
        <source>Each file is checked against the manifest as it comes, then saved compressed (Patient.1.ndjson.gz and so on), often a tenth of the size. Programs that read the files must read gzip (zcat, gunzip, or most data tools).</source>
        <translation>Hver fil kontrolleres mod manifestet, når den kommer, og gemmes derefter komprimeret (Patient.1.ndjson.gz osv.), ofte en tiendedel af størrelsen. Programmer, der læser filerne, skal kunne læse gzip (zcat, gunzip eller de fleste dataværktøjer).</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Filer:</translation>
    </message>
    <message>
        <source>Also sa&amp;ve attachments (clinical notes, reports)</source>
        <translation>Gem også &amp;bilag (journalnotater, rapporter)</translation>
    </message>
    <message>
        <source>Documents and reports in an export often name their content (a PDF, a note) by address instead of holding it. Tick this to save those files too, into the export&apos;s attachments folder. Only the export&apos;s own server is asked.</source>
        <translation>Dokumenter og rapporter i en eksport angiver ofte deres indhold (en PDF, et notat) med en adresse i stedet for at indeholde det. Sæt flueben for også at gemme de filer, i eksportens mappe attachments. Kun eksportens egen server bliver spurgt.</translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation>Eksportmappe</translation>
    </message>
</context>
<context>
    <name>fbm::ServerProbe</name>
    <message>
        <source>No token could be obtained with this profile&apos;s credentials: %1</source>
        <extracomment>%1 is the token endpoint&apos;s or the keychain&apos;s explanation</extracomment>
        <translation>Der kunne ikke hentes et token med denne profils legitimation: %1</translation>
    </message>
    <message>
        <source>of an undeclared version</source>
        <translation>af en ukendt version</translation>
    </message>
    <message>
        <source>Connected to %1, FHIR %2.</source>
        <extracomment>%1 is the server software and its version, %2 the FHIR release, e.g. &quot;R4 (4.0.1)&quot;</extracomment>
        <translation>Forbundet til %1, FHIR %2.</translation>
    </message>
    <message>
        <source>Connected to a FHIR server, FHIR %1.</source>
        <extracomment>%1 is the FHIR release, e.g. &quot;R4 (4.0.1)&quot;</extracomment>
        <translation>Forbundet til en FHIR-server, FHIR %1.</translation>
    </message>
    <message>
        <source>The server asks for a token even to describe itself; this profile&apos;s credentials were accepted.</source>
        <translation>Serveren kræver et token, selv for at beskrive sig selv; denne profils legitimation blev accepteret.</translation>
    </message>
    <message>
        <source>the whole system</source>
        <translation>hele systemet</translation>
    </message>
    <message>
        <source>all patients</source>
        <translation>alle patienter</translation>
    </message>
    <message>
        <source>groups of patients</source>
        <translation>grupper af patienter</translation>
    </message>
    <message>
        <source>Bulk export ($export) is offered for %1.</source>
        <extracomment>%1 is a list such as &quot;the whole system, all patients, groups of patients&quot;</extracomment>
        <translation>Bulk-eksport ($export) tilbydes for %1.</translation>
    </message>
    <message>
        <source>The server declares Bulk Data support but lists no $export operation; an export may still work.</source>
        <translation>Serveren angiver, at den understøtter Bulk Data, men viser ingen $export-operation; en eksport kan stadig virke.</translation>
    </message>
    <message>
        <source>The server does not list $export among its operations. An export may fail: ask its administrator whether Bulk Data export is enabled.</source>
        <translation>Serveren viser ikke $export blandt sine operationer. En eksport kan mislykkes: spørg dens administrator, om Bulk Data-eksport er slået til.</translation>
    </message>
    <message>
        <source>SMART configuration found: token endpoint %1.</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>SMART-konfiguration fundet: token-endpoint %1.</translation>
    </message>
    <message>
        <source>Client authentication offered: %1.</source>
        <extracomment>%1 is a list such as &quot;private_key_jwt, client_secret_basic&quot;</extracomment>
        <translation>Tilbudt klientgodkendelse: %1.</translation>
    </message>
    <message>
        <source>Signing algorithms offered: %1.</source>
        <extracomment>%1 is a list such as &quot;RS384, ES384&quot;</extracomment>
        <translation>Tilbudte signeringsalgoritmer: %1.</translation>
    </message>
    <message>
        <source>Interactive sign-in is available at %1.</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Interaktivt log ind er muligt på %1.</translation>
    </message>
    <message>
        <source>The server publishes no SMART configuration; for authorized access, enter its token URL by hand.</source>
        <translation>Serveren offentliggør ingen SMART-konfiguration; for godkendt adgang skal du selv indtaste dens token-URL.</translation>
    </message>
    <message>
        <source>A token was obtained with this profile&apos;s credentials.</source>
        <translation>Der blev hentet et token med denne profils legitimation.</translation>
    </message>
    <message>
        <source>The server answered, but not as a FHIR server: %1 did not return a CapabilityStatement. Check that the address is the FHIR base (for example https://server/fhir).</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Serveren svarede, men ikke som en FHIR-server: %1 returnerede ikke et CapabilityStatement. Kontrollér, at adressen er FHIR-basisadressen (for eksempel https://server/fhir).</translation>
    </message>
    <message>
        <source>The server&apos;s SMART configuration names no usable token endpoint; enter the token URL by hand.</source>
        <translation>Serverens SMART-konfiguration angiver intet brugbart token-endpoint; indtast selv token-URL&apos;en.</translation>
    </message>
    <message>
        <source>No server to test.</source>
        <translation>Ingen server at teste.</translation>
    </message>
    <message>
        <source>The server refused this profile&apos;s credentials (HTTP %1). Check the authorization settings.</source>
        <extracomment>%1 is the HTTP status code</extracomment>
        <translation>Serveren afviste denne profils legitimation (HTTP %1). Kontrollér indstillingerne for godkendelse.</translation>
    </message>
    <message>
        <source>The server asks for authorization even to describe itself (HTTP %1). Choose the authorization kind and enter the credentials, then test again.</source>
        <translation>Serveren kræver godkendelse, selv for at beskrive sig selv (HTTP %1). Vælg godkendelsestype, indtast legitimationen, og test igen.</translation>
    </message>
    <message>
        <source>No FHIR server answered at this address: %1 was not found (HTTP 404). Check that the address is the FHIR base (for example https://server/fhir).</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Ingen FHIR-server svarede på denne adresse: %1 blev ikke fundet (HTTP 404). Kontrollér, at adressen er FHIR-basisadressen (for eksempel https://server/fhir).</translation>
    </message>
    <message>
        <source>The server reported an error: %1</source>
        <extracomment>%1 is the server&apos;s explanation or the HTTP status</extracomment>
        <translation>Serveren meldte en fejl: %1</translation>
    </message>
    <message>
        <source>No SMART configuration.</source>
        <translation>Ingen SMART-konfiguration.</translation>
    </message>
    <message>
        <source>The server&apos;s SMART configuration could not be read: %1</source>
        <extracomment>%1 is the server&apos;s explanation or the HTTP status</extracomment>
        <translation>Serverens SMART-konfiguration kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the group search is not a FHIR Bundle; type the group id instead.</source>
        <translation>Serverens svar på gruppesøgningen er ikke et FHIR Bundle; skriv gruppe-id i stedet.</translation>
    </message>
    <message>
        <source>No server to ask.</source>
        <translation>Ingen server at spørge.</translation>
    </message>
    <message>
        <source>The server did not list its groups (HTTP %1); type the group id instead.</source>
        <extracomment>%1 is the HTTP status code</extracomment>
        <translation>Serveren viste ikke sine grupper (HTTP %1); skriv gruppe-id i stedet.</translation>
    </message>
</context>
<context>
    <name>fbm::ServerRelease</name>
    <message>
        <source>The files were left on the server because some attachments could not be saved.</source>
        <translation>Filerne blev ladt tilbage på serveren, fordi nogle bilag ikke kunne gemmes.</translation>
    </message>
    <message>
        <source>The files could not be confirmed on the disk (%1), so the server was not told that it may remove them.</source>
        <extracomment>%1 is the system&apos;s reason</extracomment>
        <translation>Det kunne ikke bekræftes, at filerne er skrevet til disken (%1), så serveren fik ikke besked om, at den må fjerne dem.</translation>
    </message>
    <message>
        <source>The server was told that the files may be removed.</source>
        <translation>Serveren har fået besked om, at filerne må fjernes.</translation>
    </message>
    <message>
        <source>The server had already removed the export.</source>
        <translation>Serveren havde allerede fjernet eksporten.</translation>
    </message>
    <message>
        <source>The server did not remove the files (%1); it keeps them until they expire.</source>
        <extracomment>%1 is why</extracomment>
        <translation>Serveren fjernede ikke filerne (%1); den beholder dem, indtil de udløber.</translation>
    </message>
</context>
<context>
    <name>fbm::Session</name>
    <message>
        <source>The demo server keeps its exports only while the program runs; this export ended when the program stopped.</source>
        <translation>Demoserveren gemmer kun sine eksporter, mens programmet kører; denne eksport sluttede, da programmet blev lukket.</translation>
    </message>
    <message>
        <source>The demo server could not be started on this computer.</source>
        <translation>Demoserveren kunne ikke startes på denne computer.</translation>
    </message>
    <message>
        <source>Demo server</source>
        <translation>Demoserver</translation>
    </message>
    <message>
        <source>Demo reporting server</source>
        <translation>Demo-rapportserver</translation>
    </message>
    <message>
        <source>The demo reporting server could not be started on this computer.</source>
        <translation>Demo-rapportserveren kunne ikke startes på denne computer.</translation>
    </message>
    <message>
        <source>Keychain: checking…</source>
        <translation>Nøglering: kontrollerer…</translation>
    </message>
    <message>
        <source>Keychain: secrets are stored safely</source>
        <translation>Nøglering: hemmeligheder gemmes sikkert</translation>
    </message>
    <message>
        <source>Keychain: not available, secrets are kept until you quit</source>
        <translation>Nøglering: ikke tilgængelig, hemmeligheder gemmes, til du afslutter</translation>
    </message>
    <message>
        <source>Secrets are kept until you quit</source>
        <translation>Hemmeligheder gemmes, til du afslutter</translation>
    </message>
    <message>
        <source>FHIR exports</source>
        <translation>FHIR-eksporter</translation>
    </message>
</context>
<context>
    <name>fbm::ShortcutToolTips</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A toolbar button&apos;s tooltip: %1 what it does, %2 its keyboard shortcut (Ctrl+O)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>fbm::SmartConfiguration</name>
    <message>
        <source>The server&apos;s SMART configuration is not a JSON object.</source>
        <translation>Serverens SMART-konfiguration er ikke et JSON-objekt.</translation>
    </message>
    <message>
        <source>The server&apos;s SMART configuration names no token endpoint. Enter the token URL in the profile.</source>
        <translation>Serverens SMART-konfiguration angiver intet token-endpoint. Indtast token-URL&apos;en i profilen.</translation>
    </message>
    <message>
        <source>The token endpoint in the server&apos;s SMART configuration is not a web address.</source>
        <translation>Token-endpointet i serverens SMART-konfiguration er ikke en webadresse.</translation>
    </message>
    <message>
        <source>The server&apos;s SMART configuration could not be fetched from %1.</source>
        <extracomment>%1 is a web address</extracomment>
        <translation>Serverens SMART-konfiguration kunne ikke hentes fra %1.</translation>
    </message>
    <message>
        <source>The server answered %1 for its SMART configuration (%2). Enter the token URL in the profile.</source>
        <extracomment>%1 is an HTTP status code, %2 a web address</extracomment>
        <translation>Serveren svarede %1 på sin SMART-konfiguration (%2). Indtast token-URL&apos;en i profilen.</translation>
    </message>
</context>
<context>
    <name>fbm::StartReportDialog</name>
    <message>
        <source>Start a report</source>
        <translation>Start en rapport</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>The reports this server can run ($execute operations)</source>
        <translation>De rapporter, denne server kan køre ($execute-operationer)</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Rapport:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>&amp;Start report</source>
        <translation>&amp;Start rapport</translation>
    </message>
    <message>
        <source>Reading the reports this server offers…</source>
        <translation>Læser de rapporter, denne server tilbyder…</translation>
    </message>
    <message>
        <source>No reporting server is connected.</source>
        <translation>Der er ikke forbindelse til nogen rapportserver.</translation>
    </message>
    <message>
        <source>The server offers no reports to start (no $execute operations in its CapabilityStatement).</source>
        <translation>Serveren tilbyder ingen rapporter at starte (ingen $execute-operationer i dens CapabilityStatement).</translation>
    </message>
    <message>
        <source>The server publishes no definition for this report, so only anonymization is asked for.</source>
        <translation>Serveren offentliggør ingen definition af denne rapport, så der spørges kun om anonymisering.</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <extracomment>a form label of a required value; %1 the label</extracomment>
        <translation>%1 (skal udfyldes)</translation>
    </message>
    <message>
        <source>%1 must be given.</source>
        <extracomment>%1 the name of a form field</extracomment>
        <translation>%1 skal angives.</translation>
    </message>
    <message>
        <source>Only</source>
        <translation>Kun</translation>
    </message>
    <message>
        <source>Limit the report to a period</source>
        <translation>Begræns rapporten til en periode</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1 fra</translation>
    </message>
    <message>
        <source>%1 to</source>
        <translation>%1 til</translation>
    </message>
    <message>
        <source>from</source>
        <translation>fra</translation>
    </message>
    <message>
        <source>to</source>
        <extracomment>between the two dates of a period</extracomment>
        <translation>til</translation>
    </message>
    <message>
        <source>%1 ends before it starts.</source>
        <extracomment>%1 the name of a form field</extracomment>
        <translation>%1 slutter, før den begynder.</translation>
    </message>
    <message>
        <source>Organization/123</source>
        <extracomment>an example of a FHIR reference; keep the resource type in English</extracomment>
        <translation>Organization/123</translation>
    </message>
    <message>
        <source>Patient/123</source>
        <translation>Patient/123</translation>
    </message>
    <message>
        <source>ResourceType/id</source>
        <translation>Ressourcetype/id</translation>
    </message>
    <message>
        <source>system|code, or a code</source>
        <translation>system|kode eller en kode</translation>
    </message>
    <message>
        <source>Several values may be given, separated by commas</source>
        <translation>Der kan angives flere værdier, adskilt med komma</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <extracomment>%1 the name of a form field</extracomment>
        <translation>%1 skal være et helt tal.</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <extracomment>%1 a report&apos;s name</extracomment>
        <translation>Starter %1…</translation>
    </message>
</context>
<context>
    <name>fbm::TablesBox</name>
    <message>
        <source>&amp;Open as spreadsheet</source>
        <translation>Åbn som &amp;regneark</translation>
    </message>
    <message>
        <source>Sa&amp;ve all tables</source>
        <translation>Gem alle tabell&amp;er</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Tab&amp;le:</source>
        <translation>Ta&amp;bel:</translation>
    </message>
    <message>
        <source>A table made from the export by a SQL on FHIR view: the built-in ones, and your own in %1</source>
        <translation>En tabel lavet af eksporten med en SQL on FHIR-visning: de indbyggede og dine egne i %1</translation>
    </message>
    <message>
        <source>Write the table as a CSV file into the export&apos;s tables folder and open it with your spreadsheet program</source>
        <translation>Skriv tabellen som en CSV-fil i eksportens mappe tables, og åbn den i dit regnearksprogram</translation>
    </message>
    <message>
        <source>Write one CSV file per table into the export&apos;s tables folder</source>
        <translation>Skriv én CSV-fil pr. tabel i eksportens mappe tables</translation>
    </message>
    <message>
        <source>%1: not written: %2</source>
        <extracomment>%1 is a view&apos;s name, %2 why its table was not written</extracomment>
        <translation>%1: ikke skrevet: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in %1</source>
        <extracomment>%n is a number of rows, %1 a file</extracomment>
        <translation>
            <numerusform>%n række i %1</numerusform>
            <numerusform>%n rækker i %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the files are not JSON and were left out.</source>
        <extracomment>%n is a number of lines</extracomment>
        <translation>
            <numerusform>%n linje i filerne er ikke JSON og blev udeladt.</numerusform>
            <numerusform>%n linjer i filerne er ikke JSON og blev udeladt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: the table being written was not kept.</source>
        <translation>Stoppet: den tabel, der blev skrevet, blev ikke gemt.</translation>
    </message>
    <message>
        <source>The desktop has no program to open CSV files with; the table is saved as shown above.</source>
        <translation>Skrivebordet har intet program til at åbne CSV-filer; tabellen er gemt som vist ovenfor.</translation>
    </message>
    <message>
        <source>Writing tables… %1 %</source>
        <extracomment>%1 is a percentage</extracomment>
        <translation>Skriver tabeller … %1 %</translation>
    </message>
    <message>
        <source>None of the views has data in this export.</source>
        <translation>Ingen af visningerne har data i denne eksport.</translation>
    </message>
</context>
<context>
    <name>fbm::TrayNotifier</name>
    <message>
        <source>FHIR Bulk Monitor</source>
        <translation>FHIR Bulk Monitor</translation>
    </message>
    <message>
        <source>Export ready: %1</source>
        <extracomment>a notification&apos;s title; %1 what was exported, like &quot;Patient, Observation&quot;</extracomment>
        <translation>Eksport klar: %1</translation>
    </message>
    <message>
        <source>%1: %2 is ready; choose Download to save the files.</source>
        <extracomment>%1 is a server name, %2 what was exported</extracomment>
        <translation>%1: %2 er klar; vælg Hent for at gemme filerne.</translation>
    </message>
    <message>
        <source>Export saved: %1</source>
        <extracomment>a notification&apos;s title; %1 what was exported, like &quot;Patient, Observation&quot;</extracomment>
        <translation>Eksport gemt: %1</translation>
    </message>
    <message>
        <source>%1: %2 saved in %3.</source>
        <extracomment>%1 is a server name, %2 what was exported, %3 a folder</extracomment>
        <translation>%1: %2 gemt i %3.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <extracomment>a notification&apos;s title; %1 what was exported, like &quot;Patient, Observation&quot;</extracomment>
        <translation>Eksport mislykkedes: %1</translation>
    </message>
    <message>
        <source>%1: %2 failed. %3</source>
        <extracomment>%1 is a server name, %2 what was exported, %3 the reason</extracomment>
        <translation>%1: %2 mislykkedes. %3</translation>
    </message>
</context>
<context>
    <name>fbm::TypesPicker</name>
    <message>
        <source>Resource types</source>
        <translation>Ressourcetyper</translation>
    </message>
    <message>
        <source>&amp;Other types:</source>
        <translation>&amp;Andre typer:</translation>
    </message>
    <message>
        <source>Other resource types</source>
        <translation>Andre ressourcetyper</translation>
    </message>
    <message>
        <source>For example: Claim, ExplanationOfBenefit</source>
        <translation>For eksempel: Claim, ExplanationOfBenefit</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>R&amp;yd</translation>
    </message>
    <message>
        <source>Clear the chosen types</source>
        <translation>Ryd de valgte typer</translation>
    </message>
    <message>
        <source>Nothing chosen: every type the server exports.</source>
        <translation>Intet valgt: alle typer, som serveren eksporterer.</translation>
    </message>
    <message numerus="yes">
        <source>%n type(s) chosen: %1</source>
        <extracomment>%n is the number of resource types chosen, %1 their names</extracomment>
        <translation>
            <numerusform>%n type valgt: %1</numerusform>
            <numerusform>%n typer valgt: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::UserScheduler</name>
    <message>
        <source>%1 cannot be started.</source>
        <extracomment>%1 is a program name</extracomment>
        <translation>%1 kan ikke startes.</translation>
    </message>
    <message>
        <source>systemctl did not answer.</source>
        <translation>systemctl svarede ikke.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed: %2</source>
        <extracomment>%1 is a command, %2 what it printed</extracomment>
        <translation>&quot;%1&quot; mislykkedes: %2</translation>
    </message>
</context>
<context>
    <name>fbm::ViewDefinition</name>
    <message>
        <source>&apos;%1&apos; is missing</source>
        <extracomment>%1 is a field of a view such as &apos;path&apos;</extracomment>
        <translation>&apos;%1&apos; mangler</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be %2</source>
        <extracomment>%1 is a field of a view such as &apos;path&apos;, %2 what it must be (&quot;text&quot;, &quot;a list&quot;…)</extracomment>
        <translation>&apos;%1&apos; skal være %2</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>en liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>et objekt</translation>
    </message>
    <message>
        <source>%%1 is not a constant of the view</source>
        <extracomment>%1 is the name of a constant, such as %name_use</extracomment>
        <translation>%%1 er ikke en konstant i visningen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid FHIRPath expression: %2 (%3)</source>
        <extracomment>%1 is a field such as &apos;path&apos;, %2 the expression, %3 why it is wrong</extracomment>
        <translation>&apos;%1&apos; er ikke et gyldigt FHIRPath-udtryk: %2 (%3)</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>skal være et objekt</translation>
    </message>
    <message>
        <source>a list of paths</source>
        <translation>en liste af stier</translation>
    </message>
    <message>
        <source>only one of forEach, forEachOrNull and repeat may be given</source>
        <translation>kun én af forEach, forEachOrNull og repeat må angives</translation>
    </message>
    <message>
        <source>has no column, select or unionAll</source>
        <translation>har ingen column, select eller unionAll</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; must start with a letter and hold only letters, digits and _</source>
        <extracomment>%1 is a column name</extracomment>
        <translation>navnet &apos;%1&apos; skal begynde med et bogstav og må kun indeholde bogstaver, cifre og _</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true eller false</translation>
    </message>
    <message>
        <source>the branches of unionAll must have the same columns in the same order (%1, not %2)</source>
        <extracomment>%1 and %2 are lists of column names</extracomment>
        <translation>grenene i unionAll skal have de samme kolonner i samme rækkefølge (%1, ikke %2)</translation>
    </message>
    <message>
        <source>The view is not valid JSON (at character %1: %2).</source>
        <extracomment>%1 is a position (a number), %2 the parser&apos;s reason</extracomment>
        <translation>Visningen er ikke gyldig JSON (ved tegn %1: %2).</translation>
    </message>
    <message>
        <source>The view must be a JSON object.</source>
        <translation>Visningen skal være et JSON-objekt.</translation>
    </message>
    <message>
        <source>must be ViewDefinition</source>
        <translation>skal være ViewDefinition</translation>
    </message>
    <message>
        <source>the name of a resource type</source>
        <translation>navnet på en ressourcetype</translation>
    </message>
    <message>
        <source>a list that is not empty</source>
        <translation>en liste, der ikke er tom</translation>
    </message>
    <message>
        <source>The column name &apos;%1&apos; is used twice; column names must be unique.</source>
        <extracomment>%1 is a column name</extracomment>
        <translation>Kolonnenavnet &apos;%1&apos; bruges to gange; kolonnenavne skal være entydige.</translation>
    </message>
</context>
<context>
    <name>fbm::ViewFileRun</name>
    <message>
        <source>not a JSON object</source>
        <translation>ikke et JSON-objekt</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <extracomment>%1 is a file name, %2 a line number, %3 what went wrong</extracomment>
        <translation>%1, linje %2: %3</translation>
    </message>
    <message>
        <source>The rows could not be written.</source>
        <translation>Rækkerne kunne ikke skrives.</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>Kan ikke åbne %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke læse %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the folder %1.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Kan ikke læse mappen %1.</translation>
    </message>
</context>
<context>
    <name>fbm::ViewRunner</name>
    <message>
        <source>the path must give true or false, not %1</source>
        <translation>stien skal give true eller false, ikke %1</translation>
    </message>
    <message numerus="yes">
        <source>%n values</source>
        <translation>
            <numerusform>%n værdi</numerusform>
            <numerusform>%n værdier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): the path gives %n values; a column that is not &quot;collection&quot;: true takes one</source>
        <extracomment>%1 is where in the view, %2 the column&apos;s name; %n a number above 1</extracomment>
        <translation>
            <numerusform>%1 (%2): stien giver %n værdi; en kolonne, der ikke er &quot;collection&quot;: true, tager én</numerusform>
            <numerusform>%1 (%2): stien giver %n værdier; en kolonne, der ikke er &quot;collection&quot;: true, tager én</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::ViewTables</name>
    <message>
        <source>The view cannot be used: %1</source>
        <extracomment>%1 is why the view was refused</extracomment>
        <translation>Visningen kan ikke bruges: %1</translation>
    </message>
    <message>
        <source>Cannot make the folder %1.</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Kan ikke oprette mappen %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
</context>
<context>
    <name>fbm::cli</name>
    <message>
        <source>Cannot read %1: %2</source>
        <extracomment>%1 is a file path, %2 the system&apos;s reason
----------
%1 a file path, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke læse %1: %2</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Filen %1 er tom.</translation>
    </message>
    <message>
        <source>Use the stored server profile NAME (base URL, authorization).</source>
        <translation>Brug den gemte serverprofil NAME (basis-URL, godkendelse).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>A bearer token to send to the server.</source>
        <translation>Et bearer-token, der sendes til serveren.</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>The client id for SMART Backend Services (with --private-key) or client credentials (with --client-secret-file).</source>
        <translation>Klient-id til SMART Backend Services (med --private-key) eller client credentials (med --client-secret-file).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The private key (PEM, RSA or EC P-384) that signs SMART Backend Services assertions.</source>
        <translation>Den private nøgle (PEM, RSA eller EC P-384), der underskriver assertions til SMART Backend Services.</translation>
    </message>
    <message>
        <source>PEM_FILE</source>
        <translation>PEM_FILE</translation>
    </message>
    <message>
        <source>The key id (kid) registered with the server for the key.</source>
        <translation>Nøgle-id (kid), som nøglen er registreret under hos serveren.</translation>
    </message>
    <message>
        <source>KID</source>
        <translation>KID</translation>
    </message>
    <message>
        <source>The signing algorithm: RS384 or ES384 (default: the key&apos;s).</source>
        <translation>Signeringsalgoritmen: RS384 eller ES384 (standard: nøglens).</translation>
    </message>
    <message>
        <source>ALG</source>
        <translation>ALG</translation>
    </message>
    <message>
        <source>The scope to ask for (default: system/*.read).</source>
        <translation>Det scope, der bedes om (standard: system/*.read).</translation>
    </message>
    <message>
        <source>SCOPE</source>
        <translation>SCOPE</translation>
    </message>
    <message>
        <source>The token endpoint (default: discovered from the server&apos;s .well-known/smart-configuration).</source>
        <translation>Token-endpointet (standard: fundet i serverens .well-known/smart-configuration).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>A file holding the client secret (client credentials grant).</source>
        <translation>En fil med klienthemmeligheden (client credentials).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Let files and redirects reach private networks (10.x, 172.16-31.x, 192.168.x) on other hosts than the server&apos;s own.</source>
        <translation>Lad filer og omdirigeringer nå private netværk (10.x, 172.16-31.x, 192.168.x) på andre værter end serverens egen.</translation>
    </message>
    <message>
        <source>--profile already says how to authorize; leave out --token, --client-id and the other authorization options.</source>
        <translation>--profile angiver allerede godkendelsen; udelad --token, --client-id og de andre godkendelsesindstillinger.</translation>
    </message>
    <message>
        <source>Profiles are not available here.</source>
        <translation>Profiler er ikke tilgængelige her.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;. See &apos;fhir-bulk-monitor profile list&apos;.</source>
        <extracomment>%1 is a profile name</extracomment>
        <translation>Der er ingen profil med navnet &quot;%1&quot;. Se &apos;fhir-bulk-monitor profile list&apos;.</translation>
    </message>
    <message>
        <source>Give the server&apos;s base URL, or --profile.</source>
        <translation>Angiv serverens basis-URL eller --profile.</translation>
    </message>
    <message>
        <source>The base URL must start with https:// or http://, not &quot;%1&quot;.</source>
        <extracomment>%1 is what the user typed</extracomment>
        <translation>Basis-URL&apos;en skal begynde med https:// eller http://, ikke &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>kommandolinje</translation>
    </message>
    <message>
        <source>--token cannot be combined with --client-id, --private-key or --client-secret-file.</source>
        <translation>--token kan ikke kombineres med --client-id, --private-key eller --client-secret-file.</translation>
    </message>
    <message>
        <source>--token is empty.</source>
        <translation>--token er tom.</translation>
    </message>
    <message>
        <source>--client-id is needed with --private-key or --client-secret-file.</source>
        <translation>--client-id skal bruges sammen med --private-key eller --client-secret-file.</translation>
    </message>
    <message>
        <source>Give either --private-key (SMART Backend Services) or --client-secret-file (client credentials) with --client-id.</source>
        <translation>Angiv enten --private-key (SMART Backend Services) eller --client-secret-file (client credentials) sammen med --client-id.</translation>
    </message>
    <message>
        <source>--token-url must be an https:// address, not &quot;%1&quot;.</source>
        <extracomment>%1 is what the user typed</extracomment>
        <translation>--token-url skal være en https://-adresse, ikke &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--key-id and --alg belong to --private-key, not to --client-secret-file.</source>
        <translation>--key-id og --alg hører til --private-key, ikke til --client-secret-file.</translation>
    </message>
    <message>
        <source>--alg must be RS384 or ES384, not &quot;%1&quot;.</source>
        <extracomment>%1 is what the user typed</extracomment>
        <translation>--alg skal være RS384 eller ES384, ikke &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The key fits neither RS384 nor ES384 (use RSA, or EC on the P-384 curve).</source>
        <translation>Nøglen passer hverken til RS384 eller ES384 (brug RSA eller EC på P-384-kurven).</translation>
    </message>
    <message>
        <source>Usage: fhir-bulk-monitor [COMMAND] [OPTIONS]

Without a command the desktop application starts (--demo: with the built-in demo server).

Commands:
  export       start an export, follow it and save its files
  resume       follow an export by its status URL and save its files
  cancel       cancel an export on the server
  report-jobs  list report jobs on a reporting server, save them
  profile      add, list, show or remove server profiles
  inspect      show what a saved export folder holds, and its problems
  view         run a SQL on FHIR view over an export folder into CSV
  schedule     add, list, remove or run recurring exports (systemd timers, cron)
  demo-server  run the built-in demo server

Run &apos;fhir-bulk-monitor COMMAND --help&apos; for a command&apos;s options.
Exit codes: 0 success, 1 the job or a file failed, 2 usage error.
</source>
        <translation>Brug: fhir-bulk-monitor [KOMMANDO] [INDSTILLINGER]

Uden en kommando starter skrivebordsprogrammet (--demo: med den indbyggede demoserver).

Kommandoer:
  export       start en eksport, følg den, og gem dens filer
  resume       følg en eksport ud fra dens status-URL, og gem dens filer
  cancel       annuller en eksport på serveren
  report-jobs  vis rapportjob på en rapportserver, og gem dem
  profile      tilføj, vis eller fjern serverprofiler
  inspect      vis, hvad en gemt eksportmappe indeholder, og dens problemer
  view         kør en SQL on FHIR-visning over en eksportmappe til CSV
  schedule     tilføj, vis, fjern eller kør gentagne eksporter (systemd-timere, cron)
  demo-server  kør den indbyggede demoserver

Kør &apos;fhir-bulk-monitor KOMMANDO --help&apos; for at se en kommandos indstillinger.
Afslutningskoder: 0 gennemført, 1 jobbet eller en fil mislykkedes, 2 forkert brug.
</translation>
    </message>
    <message>
        <source>Finished exports leave the job list %1 days after they ended (setting jobs/keepDays or FBM_KEEP_JOBS_DAYS; 0: never); their folders stay.
</source>
        <extracomment>%1 is a number of days</extracomment>
        <translation>Færdige eksporter fjernes fra joblisten %1 dage efter, at de sluttede (indstillingen jobs/keepDays eller FBM_KEEP_JOBS_DAYS; 0: aldrig); deres mapper bliver liggende.
</translation>
    </message>
    <message>
        <source>The value given with %1 is not valid text (UTF-8); nothing was done.</source>
        <extracomment>%1 is an option such as --base</extracomment>
        <translation>Værdien til %1 er ikke gyldig tekst (UTF-8); intet blev gjort.</translation>
    </message>
    <message>
        <source>Argument %1 is not valid text (UTF-8); nothing was done.</source>
        <extracomment>%1 is a number</extracomment>
        <translation>Argument %1 er ikke gyldig tekst (UTF-8); intet blev gjort.</translation>
    </message>
    <message>
        <source>To sign in, open this address in a browser:</source>
        <translation>Åbn denne adresse i en browser for at logge ind:</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;.</source>
        <extracomment>%1 is what the user typed</extracomment>
        <translation>Ukendt kommando &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Run the built-in demo FHIR Bulk Data server on this computer only (127.0.0.1) and print its base URL.</source>
        <translation>Kør den indbyggede FHIR Bulk Data-demoserver kun på denne computer (127.0.0.1), og skriv dens basis-URL.</translation>
    </message>
    <message>
        <source>The port to listen on (default: any free port).</source>
        <translation>Porten, der skal lyttes på (standard: en vilkårlig ledig port).</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>--port must be a number from 0 to 65535.</source>
        <translation>--port skal være et tal fra 0 til 65535.</translation>
    </message>
    <message>
        <source>Cannot listen on port %1 (is it in use?).</source>
        <extracomment>%1 is a port number</extracomment>
        <translation>Kan ikke lytte på port %1 (er den i brug?).</translation>
    </message>
    <message>
        <source>Demo reporting server (report jobs): %1</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Demo-rapportserver (rapportjob): %1</translation>
    </message>
    <message>
        <source>Demo server running; stop it with Ctrl+C.</source>
        <translation>Demoserveren kører; stop den med Ctrl+C.</translation>
    </message>
    <message>
        <source>Print one JSON event per line on standard output.</source>
        <translation>Skriv én JSON-hændelse pr. linje på standard output.</translation>
    </message>
    <message>
        <source>The profiles file (default: the application&apos;s).</source>
        <translation>Profilfilen (standard: programmets).</translation>
    </message>
    <message>
        <source>Give exactly one status URL.</source>
        <translation>Angiv præcis én status-URL.</translation>
    </message>
    <message>
        <source>The status URL must be an http:// or https:// URL.</source>
        <translation>Status-URL&apos;en skal være en http://- eller https://-URL.</translation>
    </message>
    <message>
        <source>Leave the files on the server once they are saved; by default the server is told that it may remove them (DELETE on the status URL).</source>
        <translation>Lad filerne ligge på serveren, når de er gemt; som standard får serveren besked om, at den må fjerne dem (DELETE på status-URL&apos;en).</translation>
    </message>
    <message>
        <source>Also save the attachments that DocumentReference and DiagnosticReport resources name on the same server, into attachments/.</source>
        <translation>Gem også de bilag, som DocumentReference- og DiagnosticReport-ressourcer angiver på samme server, i attachments/.</translation>
    </message>
    <message>
        <source>Store the files compressed, as &lt;Type&gt;.&lt;n&gt;.ndjson.gz (each is checked against the manifest before it is compressed).</source>
        <translation>Gem filerne komprimeret, som &lt;Type&gt;.&lt;n&gt;.ndjson.gz (hver kontrolleres mod manifestet, før den komprimeres).</translation>
    </message>
    <message>
        <source>Send Prefer: handling=lenient: the server may skip parameters it does not support instead of refusing the export.</source>
        <translation>Send Prefer: handling=lenient: serveren må springe parametre over, som den ikke understøtter, i stedet for at afvise eksporten.</translation>
    </message>
    <message>
        <source>Start a FHIR Bulk Data export, follow it and save its files.</source>
        <translation>Start en FHIR Bulk Data-eksport, følg den, og gem dens filer.</translation>
    </message>
    <message>
        <source>The FHIR server&apos;s base URL.</source>
        <translation>FHIR-serverens basis-URL.</translation>
    </message>
    <message>
        <source>system, patient or group (default: system).</source>
        <translation>system, patient eller group (standard: system).</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>The group id for a group export.</source>
        <translation>Gruppe-id ved en gruppeeksport.</translation>
    </message>
    <message>
        <source>Resource types, comma-separated (_type).</source>
        <translation>Ressourcetyper, adskilt med komma (_type).</translation>
    </message>
    <message>
        <source>TYPES</source>
        <translation>TYPES</translation>
    </message>
    <message>
        <source>Only resources changed since this instant (_since); &quot;auto&quot;: since the newest export of the same request whose files were all saved.</source>
        <translation>Kun ressourcer ændret siden dette tidspunkt (_since); &quot;auto&quot;: siden den nyeste eksport af samme forespørgsel, hvis filer alle blev gemt.</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>Only resources changed until this instant (_until).</source>
        <translation>Kun ressourcer ændret indtil dette tidspunkt (_until).</translation>
    </message>
    <message>
        <source>A _typeFilter query; repeatable.</source>
        <translation>En _typeFilter-forespørgsel; kan gentages.</translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation>QUERY</translation>
    </message>
    <message>
        <source>Elements to include, comma-separated (_elements).</source>
        <translation>Elementer, der skal med, adskilt med komma (_elements).</translation>
    </message>
    <message>
        <source>ELEMENTS</source>
        <translation>ELEMENTS</translation>
    </message>
    <message>
        <source>The output format (_outputFormat).</source>
        <translation>Outputformatet (_outputFormat).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>includeAssociatedData value; repeatable.</source>
        <translation>Værdi til includeAssociatedData; kan gentages.</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALUE</translation>
    </message>
    <message>
        <source>Kick off with POST and a Parameters body instead of GET.</source>
        <translation>Start eksporten med POST og en Parameters-ressource i stedet for GET.</translation>
    </message>
    <message>
        <source>A patient id or reference (POST only); repeatable.</source>
        <translation>Et patient-id eller en reference (kun POST); kan gentages.</translation>
    </message>
    <message>
        <source>Send Cache-Control: no-cache so the server starts a new job.</source>
        <translation>Send Cache-Control: no-cache, så serveren starter et nyt job.</translation>
    </message>
    <message>
        <source>Stop when the export is complete; do not download the files.</source>
        <translation>Stop, når eksporten er fuldført; hent ikke filerne.</translation>
    </message>
    <message>
        <source>The folder to save the files in.</source>
        <translation>Mappen, filerne skal gemmes i.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Save the files in a new folder of their own inside DIR, named by the date, time and request as the window names them (instead of --out).</source>
        <translation>Gem filerne i en ny mappe for sig inde i DIR, navngivet efter dato, klokkeslæt og anmodning, som vinduet navngiver dem (i stedet for --out).</translation>
    </message>
    <message>
        <source>Run as the schedule NAME (its timer passes this): one run at a time, and how it ended is kept for the window and &apos;schedule list&apos;.</source>
        <translation>Kør som tidsplanen NAME (dens timer angiver dette): én kørsel ad gangen, og hvordan den endte, gemmes til vinduet og &apos;schedule list&apos;.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Uventet argument: %1</translation>
    </message>
    <message>
        <source>--base or --profile is required.</source>
        <translation>--base eller --profile skal angives.</translation>
    </message>
    <message>
        <source>Give --out or --save-in, not both.</source>
        <translation>Angiv --out eller --save-in, ikke begge.</translation>
    </message>
    <message>
        <source>--out (or --save-in) is required.</source>
        <translation>--out (eller --save-in) er påkrævet.</translation>
    </message>
    <message>
        <source>--level must be system, patient or group.</source>
        <translation>--level skal være system, patient eller group.</translation>
    </message>
    <message>
        <source>--group needs --level group.</source>
        <translation>--group kræver --level group.</translation>
    </message>
    <message>
        <source>--%1 is not a date and time: %2</source>
        <extracomment>%1 is an option name, %2 what the user gave</extracomment>
        <translation>--%1 er ikke en dato og et klokkeslæt: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) saved in %1</source>
        <extracomment>%n is the number of files, %1 the folder</extracomment>
        <translation>
            <numerusform>%Ln fil gemt i %1</numerusform>
            <numerusform>%Ln filer gemt i %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow an export that was already started, by its status URL, and save its files. Files saved before are kept; partial files resume.</source>
        <translation>Følg en eksport, der allerede er startet, ud fra dens status-URL, og gem dens filer. Filer, der er gemt før, beholdes; delvise filer hentes videre.</translation>
    </message>
    <message>
        <source>The FHIR server&apos;s base URL (default: the status URL&apos;s origin).</source>
        <translation>FHIR-serverens basis-URL (standard: status-URL&apos;ens oprindelse).</translation>
    </message>
    <message>
        <source>The export&apos;s status URL (Content-Location).</source>
        <translation>Eksportens status-URL (Content-Location).</translation>
    </message>
    <message>
        <source>--out is required.</source>
        <translation>--out skal angives.</translation>
    </message>
    <message>
        <source>Cancel an export on the server (DELETE its status URL).</source>
        <translation>Annuller en eksport på serveren (DELETE på dens status-URL).</translation>
    </message>
    <message>
        <source>The server cancelled the export.</source>
        <translation>Serveren annullerede eksporten.</translation>
    </message>
    <message>
        <source>The server does not know this export: it has already finished, expired or been cancelled.</source>
        <translation>Serveren kender ikke denne eksport: den er allerede færdig, udløbet eller annulleret.</translation>
    </message>
    <message>
        <source>Stopped by %1 before the export was started.</source>
        <extracomment>%1 is a signal name such as SIGINT</extracomment>
        <translation>Stoppet af %1, før eksporten blev startet.</translation>
    </message>
    <message>
        <source>No earlier export of this request saved all its files: exporting everything.</source>
        <translation>Ingen tidligere eksport af denne forespørgsel fik gemt alle sine filer: alt eksporteres.</translation>
    </message>
    <message>
        <source>Only changes since %1, the data of the export saved in %2.</source>
        <extracomment>%1 a date and time (the server&apos;s transaction time), %2 the earlier export&apos;s folder</extracomment>
        <translation>Kun ændringer siden %1, dataene fra eksporten gemt i %2.</translation>
    </message>
    <message>
        <source>Status URL: %1</source>
        <extracomment>%1 is a URL</extracomment>
        <translation>Status-URL: %1</translation>
    </message>
    <message>
        <source>To continue after an interruption: %1</source>
        <extracomment>%1 is a command line</extracomment>
        <translation>Sådan fortsætter du efter en afbrydelse: %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>kører</translation>
    </message>
    <message>
        <source>Server says: %1 (next check in %2 s)</source>
        <extracomment>%1 is the server&apos;s progress text, %2 a number of seconds</extracomment>
        <translation>Serveren svarer: %1 (næste kontrol om %2 s)</translation>
    </message>
    <message>
        <source>%1 — retrying in %2 s (attempt %3)</source>
        <extracomment>%1 is why the last check failed, %2 the attempt number</extracomment>
        <translation>%1 — prøver igen om %2 s (forsøg %3)</translation>
    </message>
    <message numerus="yes">
        <source>Export complete: %n file(s) to download.</source>
        <extracomment>%n is the number of files</extracomment>
        <translation>
            <numerusform>Eksporten er fuldført: %Ln fil skal hentes.</numerusform>
            <numerusform>Eksporten er fuldført: %Ln filer skal hentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>To download the files later: %1</source>
        <extracomment>%1 is a command line</extracomment>
        <translation>Sådan henter du filerne senere: %1</translation>
    </message>
    <message>
        <source>Saved %1 (%2 lines, %3)</source>
        <extracomment>%1 is a file name, %2 a number of lines, %3 a size</extracomment>
        <translation>Gemte %1 (%2 linjer, %3)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <extracomment>%1 is a file name, %2 the reason</extracomment>
        <translation>Kunne ikke gemme %1: %2</translation>
    </message>
    <message>
        <source>%1 is no longer in the folder; it is downloaded again.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 ligger ikke længere i mappen; den hentes igen.</translation>
    </message>
    <message>
        <source>%1 is no longer in the folder, and the server no longer has it.</source>
        <translation>%1 ligger ikke længere i mappen, og serveren har den ikke længere.</translation>
    </message>
    <message>
        <source>%1 was changed since it was saved; it is downloaded again.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>%1 er ændret, siden den blev gemt; den hentes igen.</translation>
    </message>
    <message>
        <source>%1 was changed since it was saved, and the server no longer has it.</source>
        <translation>%1 er ændret, siden den blev gemt, og serveren har den ikke længere.</translation>
    </message>
    <message>
        <source>Stopping once the server has answered the kick-off (at most %1 s); press Ctrl+C again to stop at once.</source>
        <extracomment>%1 is a number of seconds</extracomment>
        <translation>Stopper, så snart serveren har svaret på starten af eksporten (højst %1 s); tryk Ctrl+C igen for at stoppe med det samme.</translation>
    </message>
    <message>
        <source>Stopped by %1. The export goes on at the server; saved files are kept and a partial file continues where it stopped with: %2</source>
        <extracomment>%1 is a signal name such as SIGINT, %2 a command line</extracomment>
        <translation>Stoppet af %1. Eksporten fortsætter på serveren; gemte filer beholdes, og en delvis fil hentes videre, hvor den stoppede, med: %2</translation>
    </message>
    <message>
        <source>Stopped by %1 before the server answered the kick-off. The server may have started the export anyway; without its status URL it cannot be followed from here.</source>
        <extracomment>%1 is a signal name such as SIGINT</extracomment>
        <translation>Stoppet af %1, før serveren svarede på starten af eksporten. Serveren kan alligevel have startet eksporten; uden dens status-URL kan den ikke følges herfra.</translation>
    </message>
    <message>
        <source>The server had nothing to export.</source>
        <translation>Serveren havde intet at eksportere.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n file(s) saved in %1</source>
        <extracomment>%n is the number of files, %1 the folder</extracomment>
        <translation>
            <numerusform>Færdig: %Ln fil gemt i %1</numerusform>
            <numerusform>Færdig: %Ln filer gemt i %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was told that it may remove the files.</source>
        <translation>Serveren har fået besked om, at den må fjerne filerne.</translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s) saved in %1</source>
        <extracomment>%n is a number of attachments</extracomment>
        <translation>
            <numerusform>%n bilag gemt i %1</numerusform>
            <numerusform>%n bilag gemt i %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export ended: %1. %2</source>
        <extracomment>%1 is the job&apos;s state, %2 the reason</extracomment>
        <translation>Eksporten sluttede: %1. %2</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <extracomment>%1 is a file name, %2 the reason</extracomment>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>The server refused the request as asked; --lenient lets it skip what it does not support.</source>
        <translation>Serveren afviste anmodningen, som den blev sendt; --lenient lader den springe over det, den ikke understøtter.</translation>
    </message>
    <message>
        <source>The server&apos;s answer names %1: try again without it.</source>
        <extracomment>%1 is a parameter name such as _type</extracomment>
        <translation>Serverens svar nævner %1: prøv igen uden.</translation>
    </message>
    <message>
        <source>Export in %1</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Eksport i %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcer</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patienter</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datoer</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Senest opdateret</translation>
    </message>
    <message>
        <source>No resources.</source>
        <translation>Ingen ressourcer.</translation>
    </message>
    <message>
        <source>In all: %1 resources, %2 patients, %3.</source>
        <extracomment>%1 resources, %2 distinct patients, %3 a size such as 1.2 MB</extracomment>
        <translation>I alt: %1 ressourcer, %2 patienter, %3.</translation>
    </message>
    <message>
        <source>Other files</source>
        <translation>Andre filer</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linjer</translation>
    </message>
    <message>
        <source>No problems: every line is a resource of its file&apos;s type.</source>
        <translation>Ingen problemer: hver linje er en ressource af filens type.</translation>
    </message>
    <message numerus="yes">
        <source>Problems (%n line(s)):</source>
        <translation>
            <numerusform>Problemer (%n linje):</numerusform>
            <numerusform>Problemer (%n linjer):</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <extracomment>%1 is a number of lines</extracomment>
        <translation>… og %1 mere.</translation>
    </message>
    <message>
        <source>Show what a saved export folder holds: per resource type the resources, patients, size, files and dates, and the lines that are not resources of their file&apos;s type.</source>
        <translation>Vis, hvad en gemt eksportmappe indeholder: for hver ressourcetype ressourcerne, patienterne, størrelsen, filerne og datoerne, og de linjer, der ikke er ressourcer af filens type.</translation>
    </message>
    <message>
        <source>Print one JSON object instead of a table.</source>
        <translation>Udskriv ét JSON-objekt i stedet for en tabel.</translation>
    </message>
    <message>
        <source>The export folder (with manifest.json).</source>
        <translation>Eksportmappen (med manifest.json).</translation>
    </message>
    <message>
        <source>Name one export folder.</source>
        <translation>Angiv én eksportmappe.</translation>
    </message>
    <message>
        <source>Reading… %1 %</source>
        <extracomment>Progress of the inspect command; %1 is a percentage such as 45</extracomment>
        <translation>Læser… %1 %</translation>
    </message>
    <message>
        <source>The profile&apos;s name.</source>
        <translation>Profilens navn.</translation>
    </message>
    <message>
        <source>The server&apos;s FHIR base URL.</source>
        <translation>Serverens FHIR-basis-URL.</translation>
    </message>
    <message>
        <source>How to authorize: none, token, client-secret, smart or interactive.</source>
        <translation>Godkendelse: none, token, client-secret, smart eller interactive.</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>The client id (client-secret, smart, interactive).</source>
        <translation>Klient-id (client-secret, smart, interactive).</translation>
    </message>
    <message>
        <source>The key id (kid) registered for the key (smart).</source>
        <translation>Nøgle-id (kid), som nøglen er registreret under (smart).</translation>
    </message>
    <message>
        <source>RS384 or ES384 (smart; default: the key&apos;s).</source>
        <translation>RS384 eller ES384 (smart; standard: nøglens).</translation>
    </message>
    <message>
        <source>The token endpoint (default: discovered).</source>
        <translation>Token-endpointet (standard: findes automatisk).</translation>
    </message>
    <message>
        <source>The sign-in page (interactive; default: discovered).</source>
        <translation>Siden til log ind (interactive; standard: findes automatisk).</translation>
    </message>
    <message>
        <source>basic or post: how the client secret is sent (default basic).</source>
        <translation>basic eller post: hvordan klienthemmeligheden sendes (standard basic).</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>METHOD</translation>
    </message>
    <message>
        <source>An extra header sent with every request, &quot;Name: value&quot; (repeatable).</source>
        <translation>En ekstra header, der sendes med hver forespørgsel, &quot;Navn: værdi&quot; (kan gentages).</translation>
    </message>
    <message>
        <source>HEADER</source>
        <translation>HEADER</translation>
    </message>
    <message>
        <source>The folder exports from this server are saved in.</source>
        <translation>Mappen, som eksporter fra denne server gemmes i.</translation>
    </message>
    <message>
        <source>The server is a reporting server (report jobs).</source>
        <translation>Serveren er en rapportserver (rapportjob).</translation>
    </message>
    <message>
        <source>Send the token over plain HTTP too (not recommended).</source>
        <translation>Send også tokenet over ukrypteret HTTP (frarådes).</translation>
    </message>
    <message>
        <source>Leave the files on the server once they are saved (no DELETE to the status URL).</source>
        <translation>Lad filerne ligge på serveren, når de er gemt (ingen DELETE til status-URL&apos;en).</translation>
    </message>
    <message>
        <source>Store the export&apos;s files compressed, as &lt;Type&gt;.&lt;n&gt;.ndjson.gz.</source>
        <translation>Gem eksportens filer komprimeret, som &lt;Type&gt;.&lt;n&gt;.ndjson.gz.</translation>
    </message>
    <message>
        <source>An extra CA certificate (PEM) to trust for this server.</source>
        <translation>Et ekstra CA-certifikat (PEM), der skal stoles på for denne server.</translation>
    </message>
    <message>
        <source>Read the secret (token, client secret or private key) from FILE.</source>
        <translation>Læs hemmeligheden (token, klienthemmelighed eller privat nøgle) fra FILE.</translation>
    </message>
    <message>
        <source>Read the private key (PEM) from FILE (smart).</source>
        <translation>Læs den private nøgle (PEM) fra FILE (smart).</translation>
    </message>
    <message>
        <source>Read the secret from standard input.</source>
        <translation>Læs hemmeligheden fra standard input.</translation>
    </message>
    <message>
        <source>Generate a new key for smart (RSA 3072 for RS384, EC P-384 for ES384) and print its public JWKS for registration.</source>
        <translation>Generér en ny nøgle til smart (RSA 3072 til RS384, EC P-384 til ES384), og skriv dens offentlige JWKS til registrering.</translation>
    </message>
    <message>
        <source>Unexpected arguments: %1</source>
        <extracomment>%1 the unexpected words</extracomment>
        <translation>Uventede argumenter: %1</translation>
    </message>
    <message>
        <source>profile add needs --name and --base.</source>
        <translation>profile add kræver --name og --base.</translation>
    </message>
    <message>
        <source>--auth must be none, token, client-secret, smart or interactive, not &quot;%1&quot;.</source>
        <extracomment>%1 what the user typed</extracomment>
        <translation>--auth skal være none, token, client-secret, smart eller interactive, ikke &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--client-auth must be basic or post.</source>
        <translation>--client-auth skal være basic eller post.</translation>
    </message>
    <message>
        <source>--header must look like &quot;Name: value&quot;, not &quot;%1&quot;.</source>
        <extracomment>%1 what the user typed</extracomment>
        <translation>--header skal have formen &quot;Navn: værdi&quot;, ikke &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists already; remove it first.</source>
        <extracomment>%1 a profile name</extracomment>
        <translation>Der findes allerede en profil med navnet &quot;%1&quot;; fjern den først.</translation>
    </message>
    <message>
        <source>Give only one of --secret-file, --private-key, --secret-stdin and --generate-key.</source>
        <translation>Angiv kun én af --secret-file, --private-key, --secret-stdin og --generate-key.</translation>
    </message>
    <message>
        <source>A profile with --auth %1 keeps no secret.</source>
        <extracomment>%1 the kind of authorization</extracomment>
        <translation>En profil med --auth %1 gemmer ingen hemmelighed.</translation>
    </message>
    <message>
        <source>This kind of authorization needs a secret: give --secret-file, --secret-stdin, or for smart --private-key or --generate-key.</source>
        <translation>Denne type godkendelse kræver en hemmelighed: angiv --secret-file, --secret-stdin eller, for smart, --private-key eller --generate-key.</translation>
    </message>
    <message>
        <source>--private-key and --generate-key are for --auth smart.</source>
        <translation>--private-key og --generate-key hører til --auth smart.</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Kan ikke læse standard input.</translation>
    </message>
    <message>
        <source>The secret is empty.</source>
        <translation>Hemmeligheden er tom.</translation>
    </message>
    <message>
        <source>--auth smart needs --client-id.</source>
        <translation>--auth smart kræver --client-id.</translation>
    </message>
    <message>
        <source>--alg must be RS384 or ES384.</source>
        <translation>--alg skal være RS384 eller ES384.</translation>
    </message>
    <message>
        <source>The key fits neither RS384 nor ES384.</source>
        <translation>Nøglen passer hverken til RS384 eller ES384.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; added.</source>
        <extracomment>%1 a profile name</extracomment>
        <translation>Profilen &quot;%1&quot; er tilføjet.</translation>
    </message>
    <message>
        <source>Its secret is stored in the keychain.</source>
        <translation>Dens hemmelighed er gemt i nøgleringen.</translation>
    </message>
    <message>
        <source>Its secret is kept for this session only.</source>
        <translation>Dens hemmelighed gemmes kun i denne session.</translation>
    </message>
    <message>
        <source>Register this public key (JWKS) with the server:</source>
        <translation>Registrér denne offentlige nøgle (JWKS) hos serveren:</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Skriv JSON.</translation>
    </message>
    <message>
        <source>No profiles yet. Add one with &apos;fhir-bulk-monitor profile add&apos;.</source>
        <translation>Ingen profiler endnu. Tilføj en med &apos;fhir-bulk-monitor profile add&apos;.</translation>
    </message>
    <message>
        <source>Print the public key set (JWKS) of a smart profile.</source>
        <translation>Skriv det offentlige nøglesæt (JWKS) for en smart-profil.</translation>
    </message>
    <message>
        <source>profile show needs the profile&apos;s name.</source>
        <translation>profile show kræver profilens navn.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;.</source>
        <extracomment>%1 a profile name</extracomment>
        <translation>Der er ingen profil med navnet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>gemt i nøgleringen</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>ikke gemt</translation>
    </message>
    <message>
        <source>Only a smart profile has a key.</source>
        <translation>Kun en smart-profil har en nøgle.</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>Der er ingen nøgle gemt.</translation>
    </message>
    <message>
        <source>profile remove needs the profile&apos;s name.</source>
        <translation>profile remove kræver profilens navn.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; removed.</source>
        <extracomment>%1 a profile name</extracomment>
        <translation>Profilen &quot;%1&quot; er fjernet.</translation>
    </message>
    <message>
        <source>Add, list, show or remove server profiles.</source>
        <translation>Tilføj, vis eller fjern serverprofiler.</translation>
    </message>
    <message>
        <source>add, list, show or remove</source>
        <translation>add, list, show eller remove</translation>
    </message>
    <message>
        <source>Use profile add, list, show or remove.</source>
        <translation>Brug profile add, list, show eller remove.</translation>
    </message>
    <message>
        <source>Lists the report jobs on an eHealth reporting server ($get-report-job-status), saves the list and downloads the finished reports.
Output: a table, or with --json one JSON array with an object per job.
Exit codes: 0 success, 1 the server, a download or a file failed, 2 usage error.</source>
        <translation>Viser rapportjobbene på en eHealth-rapportserver ($get-report-job-status), gemmer listen og henter de færdige rapporter.
Output: en tabel eller, med --json, ét JSON-array med et objekt pr. job.
Afslutningskoder: 0 gennemført, 1 serveren, en overførsel eller en fil mislykkedes, 2 forkert brug.</translation>
    </message>
    <message>
        <source>The reporting server&apos;s FHIR base URL (with --profile: instead of the profile&apos;s).</source>
        <translation>Rapportserverens FHIR-basis-URL (med --profile: i stedet for profilens).</translation>
    </message>
    <message>
        <source>Print the jobs as one JSON array instead of a table.</source>
        <translation>Skriv jobbene som ét JSON-array i stedet for en tabel.</translation>
    </message>
    <message>
        <source>Save the server&apos;s answer (pretty-printed, as received) to FILE.</source>
        <translation>Gem serverens svar (pænt opstillet, som modtaget) i FILE.</translation>
    </message>
    <message>
        <source>Save the reports of the done jobs in DIR, skipping those already there.</source>
        <translation>Gem rapporterne fra de færdige job i DIR, og spring dem over, der allerede er der.</translation>
    </message>
    <message>
        <source>--base is empty.</source>
        <translation>--base er tom.</translation>
    </message>
    <message>
        <source>The server did not answer.</source>
        <translation>Serveren svarede ikke.</translation>
    </message>
    <message>
        <source>The server lists no report jobs.</source>
        <translation>Serveren viser ingen rapportjob.</translation>
    </message>
    <message>
        <source>Saved the job list to %1</source>
        <extracomment>%1 a file path</extracomment>
        <translation>Gemte joblisten i %1</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <extracomment>%1 report name, %2 file path</extracomment>
        <translation>Gemte %1 i %2</translation>
    </message>
    <message>
        <source>%1 is already saved: %2</source>
        <extracomment>%1 report name, %2 file path</extracomment>
        <translation>%1 er allerede gemt: %2</translation>
    </message>
    <message>
        <source>%1 is not generated yet; nothing was saved.</source>
        <extracomment>%1 report name</extracomment>
        <translation>%1 er ikke lavet endnu; intet blev gemt.</translation>
    </message>
    <message>
        <source>Add a recurring export: a systemd user timer (or, without a user session, a crontab line to add) that runs &apos;fhir-bulk-monitor export --since auto --save-in DIR&apos; with the same request. Each run saves into a dated folder of its own inside DIR.</source>
        <translation>Tilføj en gentagen eksport: en systemd-brugertimer (eller, uden en brugersession, en crontab-linje at tilføje), der kører &apos;fhir-bulk-monitor export --since auto --save-in DIR&apos; med den samme anmodning. Hver kørsel gemmer i sin egen daterede mappe inde i DIR.</translation>
    </message>
    <message>
        <source>The schedule&apos;s name: letters, digits, - and _.</source>
        <translation>Tidsplanens navn: bogstaver, cifre, - og _.</translation>
    </message>
    <message>
        <source>The server profile to export from.</source>
        <translation>Den serverprofil, der skal eksporteres fra.</translation>
    </message>
    <message>
        <source>PROFILE</source>
        <translation>PROFIL</translation>
    </message>
    <message>
        <source>Run every day at this time.</source>
        <translation>Kør hver dag på dette klokkeslæt.</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>TT:MM</translation>
    </message>
    <message>
        <source>Run every week on this day (Mon … Sun) at the time that follows: --weekly Sun 03:00.</source>
        <translation>Kør hver uge på denne dag (Mon … Sun) på det klokkeslæt, der følger: --weekly Sun 03:00.</translation>
    </message>
    <message>
        <source>DAY</source>
        <translation>DAG</translation>
    </message>
    <message>
        <source>The folder the runs&apos; dated folders are made in (each run its own).</source>
        <translation>Den mappe, som kørslernes daterede mapper oprettes i (én pr. kørsel).</translation>
    </message>
    <message>
        <source>Every run a whole export, not only the changes since the last run (--since auto).</source>
        <translation>Hver kørsel en hel eksport, ikke kun ændringerne siden sidste kørsel (--since auto).</translation>
    </message>
    <message>
        <source>Let files and redirects reach private networks on other hosts.</source>
        <translation>Lad filer og omdirigeringer nå private netværk på andre værter.</translation>
    </message>
    <message>
        <source>--profile is required.</source>
        <translation>--profile er påkrævet.</translation>
    </message>
    <message>
        <source>Give --daily HH:MM or --weekly DAY HH:MM.</source>
        <translation>Angiv --daily TT:MM eller --weekly DAG TT:MM.</translation>
    </message>
    <message>
        <source>--weekly needs a day, Mon … Sun, not &quot;%1&quot;.</source>
        <extracomment>%1 is what the user typed</extracomment>
        <translation>--weekly skal have en dag, Mon … Sun, ikke &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The time must be HH:MM, not &quot;%1&quot;.</source>
        <extracomment>%1 is what the user typed</extracomment>
        <translation>Klokkeslættet skal være TT:MM, ikke &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <extracomment>%1 and %2 are file paths</extracomment>
        <translation>Skrev %1 og %2.</translation>
    </message>
    <message>
        <source>There is no systemd user session here, so the timer is not enabled. To enable it later, in a session of yours:</source>
        <translation>Der er ingen systemd-brugersession her, så timeren er ikke slået til. Sådan slår du den til senere, i en af dine sessioner:</translation>
    </message>
    <message>
        <source>Or run it from cron instead: add this line with &apos;crontab -e&apos;:</source>
        <translation>Eller kør den fra cron i stedet: tilføj denne linje med &apos;crontab -e&apos;:</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; is on; the next run is at %2.</source>
        <extracomment>%1 is a schedule&apos;s name, %2 a date and time</extracomment>
        <translation>Tidsplanen &quot;%1&quot; er slået til. Næste kørsel er %2.</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; is on.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Tidsplanen &quot;%1&quot; er slået til.</translation>
    </message>
    <message>
        <source>List the schedules, their next and last runs.</source>
        <translation>Vis tidsplanerne, deres næste og seneste kørsel.</translation>
    </message>
    <message>
        <source>No schedules yet. Add one with &apos;fhir-bulk-monitor schedule add&apos;.</source>
        <translation>Ingen tidsplaner endnu. Tilføj en med &apos;fhir-bulk-monitor schedule add&apos;.</translation>
    </message>
    <message>
        <source>There is no systemd user session here: the next runs are not known.</source>
        <translation>Der er ingen systemd-brugersession her: de næste kørsler kendes ikke.</translation>
    </message>
    <message>
        <source>%1 needs the schedule&apos;s name.</source>
        <extracomment>%1 is a command such as &quot;schedule remove&quot;</extracomment>
        <translation>%1 skal have tidsplanens navn.</translation>
    </message>
    <message>
        <source>There is no schedule named &quot;%1&quot;.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Der findes ingen tidsplan med navnet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Remove a schedule: its timer, its unit files.</source>
        <translation>Fjern en tidsplan: dens timer og dens unit-filer.</translation>
    </message>
    <message>
        <source>The schedule&apos;s name.</source>
        <translation>Tidsplanens navn.</translation>
    </message>
    <message>
        <source>Schedule &quot;%1&quot; removed.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Tidsplanen &quot;%1&quot; er fjernet.</translation>
    </message>
    <message>
        <source>If you added its line to your crontab, remove it there too (&apos;crontab -e&apos;).</source>
        <translation>Hvis du har føjet dens linje til din crontab, så fjern den også der (&apos;crontab -e&apos;).</translation>
    </message>
    <message>
        <source>Run a schedule&apos;s export now (through systemd when there is a user session, so that it is in the journal; else here).</source>
        <translation>Kør en tidsplans eksport nu (gennem systemd, når der er en brugersession, så den kommer i journalen; ellers her).</translation>
    </message>
    <message>
        <source>Started. Follow it with: %1</source>
        <extracomment>%1 is a command</extracomment>
        <translation>Startet. Følg den med: %1</translation>
    </message>
    <message>
        <source>Recurring exports on the system&apos;s scheduler: add, list, remove or run-now.</source>
        <translation>Gentagne eksporter med systemets planlægning: add, list, remove eller run-now.</translation>
    </message>
    <message>
        <source>add, list, remove or run-now</source>
        <translation>add, list, remove eller run-now</translation>
    </message>
    <message>
        <source>Use schedule add, list, remove or run-now.</source>
        <translation>Brug schedule add, list, remove eller run-now.</translation>
    </message>
    <message>
        <source>The previous run of schedule %1 is still running; this run was skipped.</source>
        <extracomment>%1 is a schedule&apos;s name</extracomment>
        <translation>Den forrige kørsel af tidsplanen %1 kører stadig; denne kørsel blev sprunget over.</translation>
    </message>
    <message>
        <source>The keychain is locked or holds no secret for profile &quot;%1&quot;, so the scheduled export did not run. Log in or unlock the keyring, run &quot;loginctl enable-linger&quot;, or export with a key file readable only by you (see &quot;Recurring exports&quot; in the README).</source>
        <extracomment>%1 is a profile&apos;s name. Keep &quot;loginctl enable-linger&quot; as it is: it is a command.</extracomment>
        <translation>Nøgleringen er låst eller har ingen hemmelighed for profilen &quot;%1&quot;, så den planlagte eksport blev ikke kørt. Log ind eller lås nøgleringen op, kør &quot;loginctl enable-linger&quot;, eller eksportér med en nøglefil, som kun du kan læse (se &quot;Recurring exports&quot; i README).</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>indbygget</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>din egen</translation>
    </message>
    <message>
        <source>Your own views (NAME.json) are read from %1</source>
        <extracomment>%1 is a folder</extracomment>
        <translation>Dine egne visninger (NAVN.json) læses fra %1</translation>
    </message>
    <message>
        <source>Run a SQL on FHIR ViewDefinition over the NDJSON files of an export folder and write its rows as CSV (UTF-8, a header row).</source>
        <translation>Kør en SQL on FHIR-ViewDefinition over NDJSON-filerne i en eksportmappe, og skriv dens rækker som CSV (UTF-8, med en overskriftsrække).</translation>
    </message>
    <message>
        <source>A built-in view, or one of yours, by name (see --list).</source>
        <translation>En indbygget visning eller en af dine egne, efter navn (se --list).</translation>
    </message>
    <message>
        <source>A ViewDefinition in a JSON file.</source>
        <translation>En ViewDefinition i en JSON-fil.</translation>
    </message>
    <message>
        <source>The export folder: the view reads its &lt;Type&gt;.&lt;n&gt;.ndjson and .ndjson.gz files.</source>
        <translation>Eksportmappen: visningen læser dens &lt;Type&gt;.&lt;n&gt;.ndjson- og .ndjson.gz-filer.</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>MAPPE</translation>
    </message>
    <message>
        <source>Write the rows to this file (default: standard output).</source>
        <translation>Skriv rækkerne til denne fil (standard: standardoutput).</translation>
    </message>
    <message>
        <source>Write one JSON object per row (NDJSON) instead of CSV.</source>
        <translation>Skriv ét JSON-objekt pr. række (NDJSON) i stedet for CSV.</translation>
    </message>
    <message>
        <source>List the built-in views and yours.</source>
        <translation>Vis de indbyggede visninger og dine egne.</translation>
    </message>
    <message>
        <source>Threads that read the files (default: one per core).</source>
        <translation>Tråde, der læser filerne (standard: én pr. kerne).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Give a view: --builtin NAME or --view FILE.</source>
        <translation>Angiv en visning: --builtin NAVN eller --view FIL.</translation>
    </message>
    <message>
        <source>Give the export folder with --in FOLDER.</source>
        <translation>Angiv eksportmappen med --in MAPPE.</translation>
    </message>
    <message>
        <source>--threads must be a number from 0 to 64.</source>
        <translation>--threads skal være et tal fra 0 til 64.</translation>
    </message>
    <message>
        <source>There is no view called &apos;%1&apos;; &apos;fhir-bulk-monitor view --list&apos; lists them.</source>
        <extracomment>%1 is a view&apos;s name</extracomment>
        <translation>Der er ingen visning, der hedder &apos;%1&apos;; &apos;fhir-bulk-monitor view --list&apos; viser dem.</translation>
    </message>
    <message>
        <source>The view cannot be used: %1</source>
        <extracomment>%1 is why the view was refused</extracomment>
        <translation>Visningen kan ikke bruges: %1</translation>
    </message>
    <message>
        <source>No %1 files in %2; the view has no rows.</source>
        <extracomment>%1 is a resource type such as Patient, %2 a folder</extracomment>
        <translation>Ingen %1-filer i %2; visningen har ingen rækker.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <extracomment>%1 is a file name, %2 the system&apos;s reason</extracomment>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>%1 MB read, %2 rows</source>
        <extracomment>%1 is a number of megabytes, %2 of rows</extracomment>
        <translation>%1 MB læst, %2 rækker</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) are not JSON and were left out:</source>
        <extracomment>%n is a number of lines</extracomment>
        <translation>
            <numerusform>%n linje er ikke JSON og blev udeladt:</numerusform>
            <numerusform>%n linjer er ikke JSON og blev udeladt:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <extracomment>%1 is a file name, %2 a line number, %3 why the line is not JSON</extracomment>
        <translation>%1, linje %2: %3</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Stopped (%1); %2 was not written.</source>
        <extracomment>%1 is a signal name such as SIGINT</extracomment>
        <translation>Stoppet (%1); %2 blev ikke skrevet.</translation>
    </message>
    <message>
        <source>the rest</source>
        <translation>resten</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>Kan ikke skrive %1.</translation>
    </message>
    <message>
        <source>the rows</source>
        <translation>rækkerne</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <extracomment>%n is a number of rows, %1 a file name</extracomment>
        <translation>
            <numerusform>%n række skrevet til %1.</numerusform>
            <numerusform>%n rækker skrevet til %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::cli::ReportJobs</name>
    <message numerus="yes">
        <source>%n report(s) saved in %1.</source>
        <extracomment>%1 how many reports were saved, %2 the folder</extracomment>
        <translation>
            <numerusform>%Ln rapport gemt i %1.</numerusform>
            <numerusform>%Ln rapporter gemt i %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::fhirpath::Evaluator</name>
    <message>
        <source>%%1 is not defined</source>
        <extracomment>%1 is a name such as %name_use</extracomment>
        <translation>%%1 er ikke defineret</translation>
    </message>
    <message>
        <source>a condition gave several values where one was expected</source>
        <translation>en betingelse gav flere værdier, hvor der skulle være én</translation>
    </message>
    <message>
        <source>single() was given several values</source>
        <translation>single() fik flere værdier</translation>
    </message>
    <message>
        <source>%1() was given several values</source>
        <extracomment>%1 is a function name such as toString</extracomment>
        <translation>%1() fik flere værdier</translation>
    </message>
    <message>
        <source>unknown function %1()</source>
        <extracomment>%1 is a function name</extracomment>
        <translation>ukendt funktion %1()</translation>
    </message>
    <message numerus="yes">
        <source>%1() takes %n argument(s), not %2</source>
        <extracomment>%1 is a function name, %2 a number</extracomment>
        <translation>
            <numerusform>%1() tager %n argument, ikke %2</numerusform>
            <numerusform>%1() tager %n argumenter, ikke %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fbm::fhirpath::Parser</name>
    <message>
        <source>unexpected character at position %1: %2</source>
        <extracomment>%1 is a position (a number), %2 a character</extracomment>
        <translation>uventet tegn på position %1: %2</translation>
    </message>
    <message>
        <source>text that starts at position %1 is not closed</source>
        <extracomment>%1 is a position (a number)</extracomment>
        <translation>teksten, der begynder på position %1, er ikke afsluttet</translation>
    </message>
    <message>
        <source>the expression ends too early</source>
        <translation>udtrykket slutter for tidligt</translation>
    </message>
    <message>
        <source>unexpected &apos;%2&apos; at position %1</source>
        <extracomment>%1 is a position (a number), %2 a word or character of the expression</extracomment>
        <translation>uventet &apos;%2&apos; på position %1</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>udtrykket er tomt</translation>
    </message>
</context>
<context>
    <name>fbm::jwt</name>
    <message>
        <source>A new key could not be generated.</source>
        <translation>Der kunne ikke genereres en ny nøgle.</translation>
    </message>
    <message>
        <source>The private key is protected by a passphrase. Export it without one; the keychain keeps it safe.</source>
        <translation>Den private nøgle er beskyttet af en adgangssætning. Eksportér den uden; nøgleringen passer på den.</translation>
    </message>
    <message>
        <source>The file does not hold a private key in PEM form (RSA or EC).</source>
        <translation>Filen indeholder ikke en privat nøgle i PEM-form (RSA eller EC).</translation>
    </message>
    <message>
        <source>Only RSA and EC keys are supported.</source>
        <translation>Kun RSA- og EC-nøgler understøttes.</translation>
    </message>
    <message>
        <source>The text is not a public key in PEM form (RSA or EC).</source>
        <translation>Teksten er ikke en offentlig nøgle i PEM-form (RSA eller EC).</translation>
    </message>
    <message>
        <source>RS384 needs an RSA key.</source>
        <translation>RS384 kræver en RSA-nøgle.</translation>
    </message>
    <message>
        <source>The RSA key has only %1 bits; at least 2048 are needed.</source>
        <extracomment>%1 is a number of bits</extracomment>
        <translation>RSA-nøglen har kun %1 bit; der kræves mindst 2048.</translation>
    </message>
    <message>
        <source>ES384 needs an EC key on the P-384 curve.</source>
        <translation>ES384 kræver en EC-nøgle på P-384-kurven.</translation>
    </message>
    <message>
        <source>ES384 needs the P-384 curve; this key uses %1.</source>
        <extracomment>%1 is the name of an elliptic curve</extracomment>
        <translation>ES384 kræver P-384-kurven; denne nøgle bruger %1.</translation>
    </message>
    <message>
        <source>Unknown algorithm.</source>
        <translation>Ukendt algoritme.</translation>
    </message>
    <message>
        <source>No private key to sign with.</source>
        <translation>Ingen privat nøgle at underskrive med.</translation>
    </message>
    <message>
        <source>The assertion could not be signed.</source>
        <translation>Assertion kunne ikke underskrives.</translation>
    </message>
    <message>
        <source>The token is not a well-formed JWT.</source>
        <translation>Tokenet er ikke et korrekt opbygget JWT.</translation>
    </message>
    <message>
        <source>The signature of the token is not valid.</source>
        <translation>Tokenets signatur er ikke gyldig.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>FHIR Bulk Monitor is already open (process %1). Use that window: two windows would both follow the same exports.</source>
        <extracomment>%1 is a process id</extracomment>
        <translation>FHIR Bulk Monitor er allerede åben (proces %1). Brug det vindue: to vinduer ville begge følge de samme eksporter.</translation>
    </message>
    <message>
        <source>Already Open</source>
        <translation>Allerede åben</translation>
    </message>
    <message>
        <source>FHIR Bulk Monitor</source>
        <translation>FHIR Bulk Monitor</translation>
    </message>
    <message>
        <source>Start, watch and save FHIR Bulk Data exports. Run &apos;fhir-bulk-monitor help&apos; for the commands.</source>
        <translation>Start, følg og gem FHIR Bulk Data-eksporter. Kør &apos;fhir-bulk-monitor help&apos; for at se kommandoerne.</translation>
    </message>
    <message>
        <source>Start with the built-in demo server on this computer, to try the application without a real server.</source>
        <translation>Start med den indbyggede demoserver på denne computer, så du kan prøve programmet uden en rigtig server.</translation>
    </message>
    <message>
        <source>Use a dark colour scheme.</source>
        <translation>Brug et mørkt farveskema.</translation>
    </message>
</context>
</TS>
