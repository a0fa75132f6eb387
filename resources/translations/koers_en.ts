<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Actie toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kies de eigenaar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (school)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (te laat)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <source>Beheer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditlogboek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profielitems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schoolinstellingen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AftercareView</name>
    <message>
        <source>Mijn nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestendiging</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Onderdeel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulpvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regievoerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open acties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besproken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementModel</name>
    <message>
        <source>Uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doet wat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementsEditor</name>
    <message>
        <source>Wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doet wat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volgt op (Koers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgerond op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraak toe&amp;voegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgerond (vandaag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet de datum van vandaag bij de gekozen afspraak</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Beoordeling herzien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe beoordeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling was erbij</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouders of verzorgers waren erbij</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besproken met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wensbaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kansbaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat de leerling het liefst wil doen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat nu haalbaar lijkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Onderdeel&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Score&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Korte notitie&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (niet meer in gebruik)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toelichting bij {factor}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogTab</name>
    <message>
        <source>Regels van het auditlogboek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leerlingnummer of id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inzageverzoek uitvoeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles wat Koers over één leerling bewaart, als bestand (AVG-inzageverzoek: binnen een maand beantwoorden).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logboek controleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controleert of geen regel is gewijzigd en of er sinds het laatste controlepunt geen regels zijn weggehaald.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controlepunt afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eén regel voor het archief van de school: hoeveel regels het logboek nu telt, met een handtekening. Zo blijft later te zien of er iets ontbreekt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle acties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle gebruikers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} regels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(de nieuwste {limit}; verfijn de filters voor oudere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inzageverzoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingnummer (LAS) van de leerling die om inzage vraagt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inzagegegevens opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON-bestanden (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen in {path}: {rows} gegevensrijen en {audit_entries} regels uit het auditlogboek. Het verzoek staat in het auditlogboek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditlogboek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditlogboek in orde: {n} regels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditlogboek beschadigd vanaf regel {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controlepunt auditlogboek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Druk deze regel af en bewaar hem bij de schoolstukken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <source>Back-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu back-up maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terugzetten…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles controleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koers maakt elke dag en voor elke update een back-up, versleuteld zoals de database, en controleert elke back-up door haar te openen. De tien nieuwste blijven bewaard. Bewaar ook af en toe een kopie van de map met back-ups op een andere plek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De back-ups worden gecontroleerd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er zijn nog geen back-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} back-ups in {parent}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-up wordt gemaakt en gecontroleerd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-up gemaakt en gecontroleerd: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De back-up wordt teruggezet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De back-up {name} is teruggezet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De vorige database is bewaard als {moved}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-up teruggezet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Meld u opnieuw aan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchTab</name>
    <message>
        <source>Map voor de uitvoer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map voor de PDF&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map kiezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdrachtsdossiers maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afbreken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMC als ontvanger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst van vertrekkers opslaan (CSV/XLSX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet meegegaan, want</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen voor de uitvoer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaar van uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet uitgevoerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst voor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map voor de overdrachtsdossiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies eerst een map voor de PDF&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig: de vertrekkers worden opgezocht…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig: {total} overdrachtsdossiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afbreken… het dossier dat nu gemaakt wordt, wordt nog afgemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> De uitvoer is afgebroken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{written} overdrachtsdossiers opgeslagen, {left_out} leerlingen niet.{stopped}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is nog geen RMC-regio in het netwerk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst van vertrekkers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst opgeslagen: {named} op naam, {counted} alleen als aantal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardArea</name>
    <message>
        <source>Scholen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemmingen per school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemmingen bij het verlaten van school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrokken in de schooljaren {years}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakOffDialog</name>
    <message>
        <source>Stage afbreken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijvoorbeeld: past niet bij de leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgebroken op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afbreken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Nazorgcontact — {student_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bereikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— kies de nieuwe plek —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgever, opleiding of plek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wil (nu) geen hulp: verder op een lichte waakvlam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korte notitie: hoe gaat het, wat is afgesproken?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{student_name}&lt;/b&gt; — telefoon {phone}&lt;br&gt;Bestemming: {destination}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog op de plek:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe bestemming:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plek:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <source>Gepland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gedaan op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog op de plek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (wil geen hulp: waakvlam)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Casus vastleggen: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kies de regievoerder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actieve lijst (nog geen plan, vraag aan de tafel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volglijst (er is een plan, in beeld houden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bespreking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regievoerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aangemeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulpvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regievoerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volglijst tot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Tabel tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan als PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan als PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grafiek tonen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CohortView</name>
    <message>
        <source>Zoek op naam, leerlingnummer, klas, mentor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoeken in leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen in de uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nazorg vraagt aandacht — {links}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Beoordelingen vergelijken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleen wijzigingen tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eerder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eerder: {older}   •   Nu: {newer}   •   </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen wijzigingen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} wijziging{value}, geel gemarkeerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nieuw gescoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>niet gescoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notitie gewijzigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (niet meer in gebruik)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Stage afronden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werk bij deze werkgever als bestemming vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Toestemming vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De leerling zelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>naam van de ouder of voogd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>naam van curator of mentor (bij curatele/mentorschap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd-mm-jjjj (leeg: geen einddatum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan kiezen (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen scan gekozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontvanger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat mag gedeeld worden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gegeven door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouder of voogd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wettelijk vertegenwoordiger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getuige (bij mondeling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getekend formulier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldig tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opmerking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gegeven in het gesprek van {given_on}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <source>Toestemmingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intrekken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemmingsformulier afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdrachtsdossier maken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gegevens gaan alleen naar een partner met toestemming (of een wettelijke grondslag). Een ingetrokken of verlopen toestemming stopt elke volgende uitvoer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdrachtsdossier voor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies eerst de toestemming die wordt ingetrokken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming ingetrokken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming intrekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingetrokken door:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een toestemming met een scan van het getekende formulier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan opgeslagen: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemmingsformulier opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formulier opgeslagen: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies eerst een ontvanger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdrachtsdossier opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdrachtsdossier opgeslagen in {path} (met: {scopes}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message>
        <source>Gesprek — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd-mm-jjjj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uu:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De vragen van de ouders en de leerling, en de agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat is er besproken? Schrijf korte, duidelijke zinnen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het advies van de school (bij een adviesgesprek)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat is er besloten?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen antwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijvoorbeeld: moeder en leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Soort gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Da&amp;tum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vragen en agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advies van de school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemmingsvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delen met de gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delen met het RMC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antwoord gegeven door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het antwoord wordt bij de leerling bewaard, zodat een &apos;ja&apos; als toestemming kan worden vastgelegd. Het verslag zelf gaat alleen naar de ouders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpersoon van de school (staat op het verslag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deelnemers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming en &amp;contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legt de toestemming vast in het register, met dit gesprek erbij.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sla het gesprek eerst op; daarna kan de toestemming worden vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek met {student_name} — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vervolg op: {kind} van {held_at:%d-%m-%Y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volgend gesprek: {kind} op {held_at:%d-%m-%Y}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open afspraken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationsArea</name>
    <message>
        <source>Mijn afspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gepland</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationsTab</name>
    <message>
        <source>Gesprekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open afspraken van deze leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuw gesprek…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Openen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vervolg&amp;gesprek plannen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voorbeeld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan als &amp;pdf…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Taal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraak a&amp;fgerond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ver&amp;wijderen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verslag voor ouders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total}, waarvan {planned} gepland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een gehouden gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het gesprek van {date} met alle deelnemers en afspraken verwijderen? Dit kan niet ongedaan worden gemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Database kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op deze pc (ingebouwd databasebestand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gedeelde PostgreSQL-server (meerdere pc&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord onthouden op deze pc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versleutelde verbinding (TLS), server controleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA-certificaat van de school (.crt of .pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleen als de ICT-beheerder het vraagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA-certificaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clientcertificaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutel clientcertificaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koers gebruikt de nieuwe keuze na opnieuw starten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificaten en sleutels (*.crt *.pem *.key);;Alle bestanden (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze pc heeft geen veilige opslag voor wachtwoorden. Koers bewaart het wachtwoord daarom niet en vraagt het bij elke start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: dit veld is verplicht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA-certificaat: kies het CA-certificaat van de school; zonder kan Koers de server niet controleren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: het bestand {path} bestaat niet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clientcertificaat: vul het certificaat en de sleutel allebei in, of allebei niet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Sleutelbeslissing wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe sleutelbeslissing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beslissing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Was erbij&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Naam (mag leeg)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Eens?&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <source>Bestemming vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reden geen werk of studie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgever of opleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De vorige bestemming blijft in de tijdlijn staan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <source>Nieuwe werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Biedt duurzame stages (kan overgaan in een baan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bijvoorbeeld afspraken over social return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schooljaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaatsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpersoon toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaatsen toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaatsen banenafspraak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpersonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stageplaatsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geschiedenis ({count} {value})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployersTab</name>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duurzaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banenafspraak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgevers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoek op naam, plaats of sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoeken in werkgevers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe werkgever…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Openen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} werkgevers in het netwerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Is het echt een andere vestiging, sla dan nogmaals op met &apos;Toch toevoegen&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toch toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam van de nieuwe sector voor het werkgeversnetwerk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector &apos;{name}&apos; toegevoegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>geen postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgevers samenvoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welke werkgever is een dubbele van &apos;{name}&apos;? Zijn stages, contacten en plaatsen gaan over naar deze werkgever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{picked}&apos; samenvoegen met &apos;{name}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptySchoolHint</name>
    <message>
        <source>Er staan nog geen leerlingen in Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen inlezen uit LAS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lees de leerlingen in uit het leerlingadministratiesysteem (een EDEXML- of CSV-bestand uit ParnasSys, Magister, SOMtoday of Eduarte), of voeg een leerling met de hand toe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De uitstroomcoördinator leest de leerlingen in uit het LAS. U kunt ook een leerling met de hand toevoegen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Evaluatie vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eindevaluatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— niet gescoord —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opmerkingen praktijkbegeleider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opmerkingen school</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FallBackDialog</name>
    <message>
        <source>Terugval vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>geen bestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huidige bestemming: &lt;b&gt;{now}&lt;/b&gt;. Een terugval (stage afgebroken, contract gestopt, opleiding gestopt) komt als nieuwe regel in de tijdlijn; niets wordt overschreven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Koers — eerste start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beginnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volgende &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Vorige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlowsTab</name>
    <message>
        <source>Wat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grondslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wetsartikel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gegevensstromen en grondslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijv. WVO art. 118h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grondslag opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standaard gaat alles op toestemming. Rust een gegevensstroom op een wettelijke taak (zoals de melding van vertrekkers aan het RMC), kies dan de wettelijke grondslag, noem het artikel en kies wat op grond daarvan gedeeld wordt. Dit staat op elk document dat de school verlaat en in het uitvoerlogboek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldt voor:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardiansEditor</name>
    <message>
        <source>Ouders en verzorgers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Warme overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nog geen regievoerder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huidige fase: &lt;b&gt;{current_phase}&lt;/b&gt;, regie bij {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat is overgedragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;De volgende fase&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hulp bij dit scherm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sneltoetsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rondleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Over Koers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Handleiding — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderwerpen van de handleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De hele handleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tekst van de handleiding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstrumentDialog</name>
    <message>
        <source>Instrument wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingangsdatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InternshipDialog</name>
    <message>
        <source>Stage plannen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— kies —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— nog niet bekend —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Praktijkbegeleider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begindatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stagedagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uren per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerdoelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resultaat / intentie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— geen —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InternshipsArea</name>
    <message>
        <source>Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgevers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LasImportDialog</name>
    <message>
        <source>Leerlingen inlezen uit het LAS — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een EDEXML- of CSV-bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestand kiezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolomindeling (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeld tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een bestand uit het LAS (EDEXML 2.1 of CSV).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niets kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroom dit of volgend schooljaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bron (onthouden als)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fouten, waarschuwingen en leerlingen niet in het bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAS-bestand kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAS-uitvoer (*.xml *.csv *.txt);;Alle bestanden (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het bestand wordt gelezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controleer welke kolom wat bevat en kies dan &apos;Voorbeeld tonen&apos;. De indeling wordt onthouden onder de naam van de bron.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het voorbeeld wordt gemaakt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(alle groepen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fout — {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarschuwing — {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet in het bestand (blijft in Koers) — {las_key} {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe mentoren (zonder wachtwoord; activeren in Beheer) — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gekozen om over te nemen: {model}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Los eerst de fouten op in het LAS; er wordt niets ingelezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stoppen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingelezen: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het venster is vergrendeld; kies het bestand opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Koers is vergrendeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aangemeld als {user_name}. Voer uw wachtwoord in om verder te gaan. Wat u nog niet had opgeslagen, staat daarna weer voor u klaar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmelden als andere gebruiker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Koers — aanmelden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database openen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroom, stages en nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — demodatabase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met aanmelden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vul uw gebruikersnaam en wachtwoord in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Back-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koers — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een leerling toevoegen aan de uitstroomgroep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het dossier van de gekozen leerling openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De lijst opnieuw laden uit de database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naar het zoekveld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingebouwde database of gedeelde server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het venster vergrendelen; uw wachtwoord opent het weer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgebieden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuwe leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier &amp;openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vernieuwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database kiezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Af&amp;melden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu ver&amp;grendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Af&amp;sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen &amp;inlezen uit LAS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen inlezen uit een EDEXML- of CSV-bestand van het LAS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beel&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naar {area}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkbalk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> DEMO </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo-database: fictieve leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Koers {version}&lt;/b&gt;&lt;br&gt;Uitstroom, stages en nazorg voor vso en praktijkonderwijs.&lt;br&gt;&lt;br&gt;Database: {database_label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Overleg plannen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomoverleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actietafel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nog niet bekend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begintijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming geldt voor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorzitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notulist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <source>Kies een overleg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda van het overleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulpvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling aanmelden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casus vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verslag en actielijst (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geheimhoudingsverklaring (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {place}, {time}&lt;br&gt;Voorzitter: {chair}; notulist: {secretary}. Aanmelden tot en met {deadline}. Deelnemers: {participants}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (geen verklaring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe aanmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actieve lijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volglijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingsArea</name>
    <message>
        <source>Overleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleg plannen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actieve lijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volglijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open acties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is nog geen volgend overleg gepland.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Volgend overleg:&lt;/b&gt; {title}, aanmelden tot en met {deadline}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmelden t/m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aangemeld</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembershipsDialog</name>
    <message>
        <source>Scholen van {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor welke scholen werkt {name}? In Koers ziet {name} alleen de leerlingen van deze scholen. Kies minstens één school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scholen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit deelt een coördinator van deze school in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grijze scholen kunt u niet wijzigen: u werkt daar zelf niet. Dat doet een coördinator van die school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scholen: kies minstens één school.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyAgreementsTab</name>
    <message>
        <source>Mijn afspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ook afgeronde afspraken tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} open {value} die u opvolgt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, waarvan {late} te laat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Organisaties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grondslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitvoer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Organisatie wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GM0000, alleen als u hem zeker weet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actief (er kan naartoe worden uitgevoerd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eén per regel: naam; rol; telefoon; e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tweede naam (bijv. Doorstroompunt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBS-gemeentecode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMC-regio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpersonen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganisationsTab</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBS-code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMC-regio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpersoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisaties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpersonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe organisatie…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBS-gemeententabel inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabel gemeente → RMC-regio inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpersonen van de gekozen organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rows} organisaties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabel inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {skipped} regels overgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingelezen: {added} toegevoegd, {updated} bijgewerkt{skipped}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutflowPlanDialog</name>
    <message>
        <source>Uitstroomprofiel en geplande uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomprofiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— onbekend —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geplande uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingeschreven op {enrolment_date}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParentReportPrinting</name>
    <message>
        <source>Verslag voor ouders afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afdrukvoorbeeld — verslag voor ouders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verslag voor ouders opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantsEditor</name>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanwezig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deelnemer toe&amp;voegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uit: uitgenodigd, maar niet aanwezig</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Wachtwoord opnieuw instellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuw wachtwoord voor {display_name} ({username}). Geef het persoonlijk door; een blokkade na te veel pogingen vervalt hiermee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herhaal wachtwoord: de twee wachtwoorden verschillen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathTab</name>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat er gebeurde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regievoerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomprofiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geplande uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huidige fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regievoerder nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomplan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe fase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warme overdracht…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terugval…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tijdlijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fasen en regievoerders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrumenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog niet gekozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog niet gepland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reden afsluiten: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Nog geen regievoerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen bestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog niets vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— geen —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <source>De printer kon niet worden gestart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonaliaTab</name>
    <message>
        <source>Bijzonderheden die voor de uitstroom van belang zijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouders, verzorgers en contactpersonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(geen mentor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhaseDialog</name>
    <message>
        <source>Fase wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einddatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De vorige fase eindigt automatisch de dag vóór de begindatum.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlannedTab</name>
    <message>
        <source>Geplande gesprekken per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week / datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum voorbij, nog geen verslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number}  ({monday:%d-%m} t/m {sunday:%d-%m-%Y})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} in de komende {weeks} weken (dubbelklik om het dossier te openen).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlannerTab</name>
    <message>
        <source>Alle soorten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle klassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage plannen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schooljaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intentie werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nog niet uitgesproken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages in deze periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen zonder stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrije stageplaatsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transitiestages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgevers met vrije plaatsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transitiestages eindexamenjaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle sectoren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{internships} stages, {without} leerlingen zonder stage, {places} vrije plaatsen bij {value} werkgevers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileItemsTab</name>
    <message>
        <source>Profielonderdelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omhoog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omlaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet meer gebruiken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schaal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat dit onderdeel meet: een vaardigheid, steun die nodig is of een wens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De vier factoren liggen vast; de onderdelen eronder kiest de school zelf. Een onderdeel dat niet meer gebruikt wordt, blijft zichtbaar in oude beoordelingen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In gebruik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weer gebruiken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdeel toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuw onderdeel onder {factor}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe naam:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{scale} ({low} … {high})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat meet &apos;{item}&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Beoordeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe beoordeling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herzien…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vergelijken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afdrukken / opslaan als pdf…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een nieuwe, gedateerde beoordeling; de vorige blijft bewaard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een fout in de getoonde beoordeling verbeteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het profiel op één pagina, voor leerling en ouders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutelbeslissing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie deden mee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutelbeslissingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutelbeslissing toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beoordeling van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wensbaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kansbaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sleutelbeslissingen&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (nieuwste)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen beoordeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog niet besproken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besproken met: {present}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiel opslaan als pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Dossiers voorbij de bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Quadrant</name>
    <message>
        <source>Onderdeel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (niet meer in gebruik)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen beoordeling.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Herstelsleutel — bewaar deze goed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiëren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik heb de sleutel bewaard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herstelsleutel bewaard?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koers toont de herstelsleutel maar één keer. Hebt u hem afgedrukt of opgeschreven en veilig bewaard?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportLanguageBox</name>
    <message>
        <source>Taal van het verslag voor ouders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het verslag is altijd in het Nederlands; de gekozen taal staat eronder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor {name}: Nederlands en {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleen Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nederlands en {language}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <source>Uitstroomjaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oud-leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na {m} maanden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source> maanden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaartermijn na de nazorg, in maanden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bekijk wat verwijderd wordt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verwijderen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers voorbij de bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klik op ‘Bekijk wat verwijderd wordt’ voor de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaren na de nazorg:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na de uitstroom loopt de nazorg {aftercare_months}. Daarna wordt een dossier nog {retention_months} bewaard, dus tot {total} na de uitstroom. Is die termijn voorbij, dan wordt het dossier uit alle onderdelen van Koers verwijderd, en back-ups ouder dan de bewaartermijn ook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaartermijn opgeslagen: {retention_months}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} voorbij de bewaartermijn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} verwijderd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} {count} oude back-up{value} verwijderd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen dossiers voorbij de bewaartermijn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossiers verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestendiging</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolChoice</name>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies de school waarvan de lijsten de leerlingen tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle scholen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;School:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolSettingsTab</name>
    <message>
        <source>bijv. 077-1234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijv. uitstroom@school.nl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactgegevens opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijv. 1, 3, 6, 12, 18, 24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belmomenten opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normen opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe competentie, bijv. &apos;Klantvriendelijk&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet meer beoordelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact voor ontvangers van rapporten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze gegevens staan op het overdrachtsdossier, zodat de gemeente of het RMC de school kan bereiken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nazorg: belmomenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na hoeveel maanden na de uitstroom belt de mentor? Nieuwe en gewijzigde nazorgplannen volgen deze momenten; gemaakte gesprekken blijven staan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maanden na uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends: normen voor plaatsing en bestendiging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De grafieken in Trends tonen deze normen als stippellijn. Standaard gelden de normen van de sector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geplaatst (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog op een plek (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkcompetenties in stage-evaluaties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze competenties (bij de factor Doen) worden in elke stage-evaluatie gescoord. Een competentie die u niet meer gebruikt, blijft zichtbaar in oude evaluaties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolsModel</name>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingen nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrokken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plek na {m} mnd</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupController</name>
    <message>
        <source>

Deze pc heeft geen veilige opslag voor wachtwoorden; Koers bewaart het daarom niet en vraagt het elke keer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord databaseserver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord voor {url}:{note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De database kan niet worden geopend. Controleer de verbinding met de databaseserver of het pad naar het databasebestand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onvolledige database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koers is de vorige keer niet helemaal gestart. In de gegevensmap staat {what} ({files}). Daarmee kan niemand zich aanmelden.

Koers kan deze bestanden opzij zetten in een aparte map naast de database (er wordt niets gewist) en daarna opnieuw beginnen met de eerste start.

Bestanden opzij zetten en opnieuw beginnen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De gegevensmap is onvolledig ({what}). Er is niets veranderd. Start Koers opnieuw om de bestanden opzij te zetten en opnieuw te beginnen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De onvolledige bestanden staan nu in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze database heeft nog geen school. Start Koers zonder --user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze database heeft nog geen school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De back-up is teruggezet. Meld u opnieuw aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terugzetten mislukt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controle bij het starten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U bent afgemeld.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudentAftercareTab</name>
    <message>
        <source>Sla de leerling eerst op; de nazorg begint na de uitstroom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen nazorgplan: dat komt er zodra de uitstroom is vastgelegd (datum van vertrek en bestemming).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van school op {outflow_date}. Bestemming bij uitstroom: {destination}. Nazorg tot {ends_on}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melding uitval aan het vangnet (gemeente {municipality}): {status} (voorgesteld op {proposed_on}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinds {waakvlam_since} op een lichte waakvlam (wil nu geen hulp; elk half jaar even contact).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nazorgcontacten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open signalen: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudentFileWindow</name>
    <message>
        <source>Personalia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijzigingen ongedaan maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe leerling[*] — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingdossier[*] — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet-opgeslagen wijzigingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ontbreekt uit het LAS: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{full_name}[*] — Leerlingdossier — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet-opgeslagen wijzigingen van vóór het vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tegelijk gewijzigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message}

Wilt u het dossier nu opnieuw laden? Uw wijzigingen op dit scherm gaan dan verloren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijzigingen opslaan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit dossier heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudentInternshipsTab</name>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details van de stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een stage om leerdoelen en evaluaties te zien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage plannen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afronden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afbreken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluatie…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stageovereenkomst (pdf)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerdoelen: {learning_goals}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgebroken: {broken_off_reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eindevaluatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Praktijkbegeleider: {supervisor_comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School: {school_comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stageovereenkomst opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudentMeetingsTab</name>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulpvraag / actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bespreking / eigenaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst / uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleg over deze leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sla de leerling eerst op.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze leerling is nog niet besproken in een overleg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}: {list}; regievoerder {lead}{since}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nog niet gekozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> sinds {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besproken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie (gedaan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubmissionDialog</name>
    <message>
        <source>Leerling aanmelden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(kies een leerling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De vraag aan de tafel (hulpvraag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is een plan en geen vraag: rechtstreeks op de volglijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulpvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingebracht door (organisatie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingebracht door (persoon)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>Rondleiding — Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vorige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;olgende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Klaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap {step} van {steps}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendsArea</name>
    <message>
        <source>Wat wilt u zien?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle schoolsoorten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle uitstroomprofielen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle gemeenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle locaties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toon de bestemmingen in de eigen lijst van Koers, of ingedeeld zoals de PrO-monitor of de vso-uitstroomprofielen ze tellen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van schooljaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schoolsoort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomprofiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitsplitsen naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitvoer (anoniem, in het uitvoerlogboek)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het schooljaar waarin de leerlingen vertrokken (2025: 2025-2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitorcijfers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkblad PrO-monitor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per leerling wat u in het webformulier van de PrO-monitor invult. Dit werkblad bevat namen en blijft op school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trendrapport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het trendrapport (PDF) voor bestuur en gemeente, met de keuze hierboven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De anonieme cijfers van de gekozen monitor, als CSV of Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrokken in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{leavers} vertrekkers in deze keuze, van wie {unknown} met een onbekende bestemming. Aantallen onder de 5 staan er als &apos;&lt;5&apos;; onder de 5 bekende leerlingen staat er geen percentage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eerste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laatste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitorcijfers opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel-bestand (*.xlsx);;CSV-bestand (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkblad PrO-monitor opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trendrapport opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG-afbeelding (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grafiek opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen in {path}. Vastgelegd in het uitvoerlogboek.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Nieuwe gebruiker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruiker wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leeg laten: het account kan pas aanmelden nadat u een wachtwoord instelt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herhaal wachtwoord: de twee wachtwoorden verschillen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Gebruikers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe gebruiker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord opnieuw instellen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitschakelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scholen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor welke scholen deze gebruiker werkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} actieve gebruikers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inschakelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruiker uitschakelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{display_name} kan daarna niet meer aanmelden. Het wachtwoord vervalt; wordt het account later weer ingeschakeld, dan stelt u een nieuw wachtwoord in. Doorgaan?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Wanneer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oud-leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laatste contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistTab</name>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle mentoren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mijn nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andere mentor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit nazorgcontact aan een andere mentor geven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorstellen voor een melding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept-melding opslaan als PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versturen naar gemeente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slaat de melding op voor de woongemeente, alleen als daarvoor toestemming (nazorg) is vastgelegd; het voorstel staat daarna op verstuurd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Voorstellen: melding uitval aan het vangnet van de gemeente&lt;/b&gt; — vastgelegd, nog niet verstuurd. Versturen kan alleen met vastgelegde toestemming voor ‘nazorg’ aan de woongemeente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen openstaande voorstellen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{proposed_on} — {student_name} — gemeente {municipality}: voorgesteld, niet verstuurd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andere mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie belt {student_name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het contact is vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er staat een nieuwe poging over een week klaar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drie keer op rij niet bereikt: er is een signaal afgegeven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen: {others}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitgevallen zonder nieuwe plek: een melding aan het vangnet is voorgesteld (niet verstuurd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De nazorg gaat verder op een lichte waakvlam (elk half jaar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Melding uitval versturen naar de gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De melding uitval is opgeslagen in {path} om naar de gemeente te sturen ({basis}). Het voorstel staat nu op verstuurd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concept-melding opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De concept-melding is opgeslagen (niet verstuurd).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_AccountPage</name>
    <message>
        <source>Uw account als uitstroomcoördinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord (nogmaals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord voor de demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingrid Peeters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De wachtwoorden verschillen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_DemoPage</name>
    <message>
        <source>Demoschool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U meldt zich aan als gebruiker &apos;{demo_username}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aantal fictieve leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PhaseFields</name>
    <message>
        <source>{prefix}Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prefix}Begindatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regievoerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam van wie de regie heeft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bijv. school, gemeente, UWV, werkbedrijf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon of e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reden afsluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verplicht als de leerling geen plek heeft, bijv. verhuisd</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_RowsEditor</name>
    <message>
        <source>Verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_SchoolPage</name>
    <message>
        <source>Uw school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijvoorbeeld 12AB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam van de school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BRIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_StartPage</name>
    <message>
        <source>Welkom bij Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze database is nog leeg. Hoe wilt u beginnen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mijn school inrichten (een lege school)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eerst rondkijken in een demoschool met fictieve leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De demoschool bevat verzonnen namen en gegevens. Gebruik haar niet voor echte leerlingen; maak daarvoor later een nieuwe, lege database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>admin.audit_log</name>
    <message>
        <source>Tijdstip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>admin.backups</name>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grootte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gecontroleerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagelijks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met de hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor een update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} kB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja, bij het maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In orde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beschadigd of niet te openen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>admin.retention</name>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Einde nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaren tot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 maand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} definitief verwijderen?

Alles over {value} gaat uit alle onderdelen van Koers: personalia, profiel, traject, stages, gesprekken, nazorg en toestemmingen. Dit kan niet ongedaan worden gemaakt. Het auditlogboek houdt alleen bij dát er verwijderd is, zonder namen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{candidates} {value} voorbij de bewaartermijn. Wilt u nu bekijken wat er verwijderd wordt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deze leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deze leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaartermijn verstreken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>admin.security_note</name>
    <message>
        <source>Beveiliging: de ingebouwde database is versleuteld. Zo beschermt Koers de gegevens als deze pc of het databasebestand kwijtraakt of gestolen wordt, en tegen andere Windows-gebruikers van deze pc. Niet tegen iemand met een account in Koers die eigen hulpprogramma&apos;s gebruikt: elk wachtwoord opent het hele bestand, dus ook een mentor kan dan alle leerlingen lezen. Koers merkt het wel als de database buiten Koers om is veranderd en werkt dan alleen-lezen. Moet de database zelf de rollen afdwingen, gebruik dan de gedeelde PostgreSQL-database (beveiliging per rij).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>admin.user_dialog</name>
    <message>
        <source>Uitstroomcoördinator: alles, ook gebruikers, instellingen en uitvoer. Mentor: alleen de eigen mentorleerlingen, geen uitvoer. Alleen lezen: bekijken, niets wijzigen of uitvoeren.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>admin.users</name>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scholen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitgeschakeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tijdelijk geblokkeerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actief</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aftercare.badge</name>
    <message>
        <source>Nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} nazorgcontacten te doen (deze week of te laat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U hebt {count} nazorgcontact{value} te doen (deze week of te laat): zie Nazorg.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aftercare.retention</name>
    <message>
        <source>Hoeveel oud-leerlingen zitten na 6, 12 en 24 maanden nog op een plek (dezelfde of een andere), volgens het nazorgcontact op dat moment. Het percentage telt alleen de oud-leerlingen van wie het bekend is (n); ‘onbekend’ zijn zij die niet bereikt zijn of van wie het contact nog open staat. Onder de 5 bekende oud-leerlingen staat er geen percentage. Een moment dat nog niet is aangebroken blijft leeg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} (n={known}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {unknown} onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle bestemmingen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aftercare.student_tab</name>
    <message>
        <source>Niet bereikt ({how})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bereikt ({how})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bereikt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aftercare.worklist</name>
    <message>
        <source>Te laat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binnenkort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{base}, nieuwe poging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{base}, waakvlam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er staan geen nazorgcontacten voor deze week of eerder open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} te doen (deze week of te laat).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>board</name>
    <message>
        <source>Aantallen per school, zonder namen. ‘Plek na … mnd’ telt de oud-leerlingen die bij het verlaten van school een plek hadden en bij het nazorgcontact nog ergens zaten; het percentage telt alleen wie bekend is (n), onder de 5 staat er geen percentage. In de tabel met bestemmingen staan aantallen onder de 5 als ‘&lt;5’ en zijn zo nodig meer cellen verborgen (‘x’), zodat niemand is terug te rekenen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cohort.model</name>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomprofiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geplande uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aandacht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reden afsluiten: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cohort.view</name>
    <message>
        <source>Alle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schooljaar uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomprofiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aandacht</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common.form_dialog</name>
    <message>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common.messages</name>
    <message>
        <source>Er ging iets mis dat Koers niet verwachtte. Er is niets half opgeslagen. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controleer de invoer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tegelijk gewijzigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbinding verbroken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common.recovery_key</name>
    <message>
        <source>Koers versleutelt de database op deze pc. Uw wachtwoord opent haar, en ook die van de andere gebruikers. Raakt het sleutelbestand kwijt of weet niemand meer een wachtwoord, dan opent alleen deze &lt;b&gt;herstelsleutel&lt;/b&gt; de database nog.&lt;br&gt;&lt;br&gt;Druk hem af of schrijf hem op en bewaar hem achter slot, bijvoorbeeld in de kluis van de school. Koers toont hem maar één keer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common.restore_offer</name>
    <message>
        <source>Database beschadigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terugzetten…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleen-lezen openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-up terugzetten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De database wordt vervangen door de back-up van {info}.

Wat sindsdien is ingevoerd, staat niet in die back-up. De huidige database wordt niet verwijderd maar bewaard naast de nieuwe (…voor-herstel-…). Daarna meldt Koers u af.

Doorgaan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bevestigen met wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord van {username} (het wachtwoord dat gold toen de back-up werd gemaakt):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terugzetten mislukt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>common.unsaved_input</name>
    <message>
        <source>Wijzigingen weggooien?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U hebt gegevens ingevuld die nog niet zijn opgeslagen. Wilt u ze weggooien?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>consent.tab</name>
    <message>
        <source>Ontvanger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gegeven op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldig t/m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingetrokken {withdrawn_on} ({withdrawn_by})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>conversations.dialog</name>
    <message>
        <source>Is gevraagd of het verslag gedeeld mag worden met de gemeente en het RMC?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>conversations.models</name>
    <message>
        <source>Afgerond {done_on}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te laat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open_agreements} ({overdue_agreements} te laat)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>conversations.printing</name>
    <message>
        <source>Verslag voor ouders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>conversations.view</name>
    <message>
        <source>geen {adjective}gesprekken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>help.pages</name>
    <message>
        <source>Leerlingen en dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprekken en verslagen voor ouders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netwerk en overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beheer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regels en bronnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sneltoetsen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>help.tour</name>
    <message>
        <source>Welkom bij Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links staan de werkgebieden: Leerlingen, Stages, Gesprekken, Nazorg en (voor de coördinator) Netwerk en Beheer. Met Ctrl+1, Ctrl+2 enzovoort gaat u er direct naartoe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De lijst Leerlingen is uw uitstroomgroep. Zoek met Ctrl+F, kies een leerling met de pijltjes en open het dossier met Enter. De kolom Aandacht zegt in woorden wat er speelt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprekken en verslagen voor ouders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In het dossier legt u een gesprek vast met de afspraken. Het verslag voor de ouders drukt u af in het Nederlands, met de taal van de ouders eronder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulp nodig?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Druk op F1 voor uitleg bij het scherm waar u bent. Onder Help vindt u de hele handleiding, de sneltoetsen en deze rondleiding.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>internships.dialogs</name>
    <message>
        <source>dd-mm-jjjj</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>internships.planner</name>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrij</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaatsen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>internships.student_tab</name>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resultaat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>las_import.dialog</name>
    <message>
        <source>(niet gebruiken)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>las_import.model</name>
    <message>
        <source>Overnemen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingnummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Koers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord voor {user}: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lock.controller</name>
    <message>
        <source>Dit wachtwoord klopt niet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Leerlingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beheer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestuur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netwerk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>profile.dialogs</name>
    <message>
        <source>▲ vooruit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ achteruit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— niet gescoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet eens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet gezegd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdeel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verschil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie eerder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie nu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>profile.items_admin</name>
    <message>
        <source>Niet meer in gebruik</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>student.guardians</name>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gezag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolk nodig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>student.personalia</name>
    <message>
        <source>Roepnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tussenvoegsel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achternaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geslacht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wettelijke vertegenwoordiging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leerlingnummer (LAS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schoolsoort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitstroomprofiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inschrijfdatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geplande uitstroomdatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Woonplaats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>student.window</name>
    <message>
        <source>Profiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nazorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personalia</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>trends</name>
    <message>
        <source>Norm {norm} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestemmingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plaatsing en bestendiging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitsplitsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
