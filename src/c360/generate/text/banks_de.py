"""German phrase banks: CRM notes written by sales/support reps, and marketing e-mails."""

# Notes ----------------------------------------------------------------------------------------
# Same fields as banks_fr. Refer to the customer by name, "Kd." or a subject-less verb, never
# er/sie; predicative adjectives are fine (they do not inflect).

TITLES = ("Herr", "Frau")
OBLIQUE_TITLES = ("Herrn", "Frau")  # dative/accusative: use {oname} / {oshort} there
TITLE_IN_SHORT = True
MAIL_DOMAIN = "brandco.de"
DAYS = (
    "am Donnerstag",
    "Montag früh",
    "nächste Woche",
    "morgen",
    "am Freitag",
    "Anfang nächster Woche",
)
STAFF = (
    ("Jonas", "Becker"),
    ("Lena", "Hoffmann"),
    ("Tobias", "Schulz"),
    ("Katharina", "Wolf"),
    ("Felix", "Richter"),
    ("Sabine", "Krüger"),
    ("Matthias", "Braun"),
    ("Julia", "Schäfer"),
    ("Stefan", "Koch"),
    ("Miriam", "Lange"),
)
ASSISTANTS = (
    ("Petra", "Vogel"),
    ("Monika", "Hartmann"),
    ("Birgit", "Lehmann"),
    ("Andrea", "Keller"),
    ("Uwe", "Schmitt"),
    ("Jana", "Böhm"),
)

CONTACT = (
    "Eingehender Anruf von {oname}.",
    "{oname} telefonisch erreicht, im zweiten Anlauf unter {phone}.",
    "Videocall mit {oname} heute Vormittag, ca. eine halbe Stunde.",
    "Rückruf von {oname} nach meiner Nachricht auf der Mailbox.",
    "Mailverkehr mit {oname} ({email}).",
    "Telefonat mit {oname}.",
    "Vor-Ort-Termin bei {account}, Gespräch mit {oname}.",
    "Kurzes Tel. mit {oname} (FU von letzter Woche).",
    "Anfrage von {oname} über das Kontaktformular, direkt zurückgerufen.",
    "{oname} auf der Messe getroffen, kurzes Gespräch am Stand.",
    "Anruf {name}, Account {account}.",
    "Chat mit {oname}, anschließend telefonisch weiter.",
    "{name} war im Laden, wir haben uns kurz zusammengesetzt.",
    "Gespräch mit {oname} zwischen zwei Terminen, ca. 10 Min.",
)
COORDS = (
    "Kontakt: {phone} / {email}",
    "Tel.: {phone}",
    "E-Mail: {email}",
    "Am besten vormittags erreichbar unter {phone}.",
    "Bevorzugt Kontakt per Mail: {email}",
    "Rückruf unter {phone}.",
    "Neue Nummer im Datensatz hinterlegt: {phone}",
    "E-Mail-Adresse bestätigt: {email}",
    "Mobil {phone}, Mail {email}",
    "Direkt: {email}, in dringenden Fällen {phone}.",
)
COLLEAGUE = (
    "Intern mit {colleague} ({colleague_email}) aus dem Innendienst abgestimmt.",
    "An {colleague} ({colleague_email}) übergeben, technischer Teil.",
    "{colleague} in CC: {colleague_email}",
    "{colleague} mit ins Boot geholt ({colleague_email}).",
    "Betreuung gemeinsam mit {colleague}, {colleague_email}.",
    "Rücksprache mit {colleague} ({colleague_email}), kennt den Account gut.",
)
ASSISTANT = (
    "Termine über {assistant} ({assistant_email}) vereinbaren, führt den Kalender.",
    "{assistant} ({assistant_email}) ist bei allen Mails in CC.",
    "Buchhaltung bei {account}: {assistant}, {assistant_email}.",
    "Zweiter AP: {assistant} – {assistant_email}",
    "Unterlagen bitte an {assistant} ({assistant_email}) schicken.",
)
EXTRA = (
    "Kontaktdaten aktualisiert.",
    "Siehe Historie im CRM.",
    "Gute Kaufhistorie auf dem Account.",
    "Info ans Vertriebsteam weitergegeben.",
    "Haupt-AP für {account}.",
    "Hat letztes Jahr {product} gekauft.",
    "Lieber Anrufe am späten Nachmittag.",
    "Mittwochs nicht erreichbar.",
    "Wer bei {account} final entscheidet, ist noch unklar.",
)

CONTEXT = {
    "product_inquiry": (
        "Anfrage zu {product}.",
        "Fragen zum Sortiment, v. a. zu {product}.",
        "Möchte mehrere Artikel vergleichen, bevor es eine Entscheidung gibt.",
        "Erkundigt sich nach technischen Daten und Kompatibilität mit vorhandenen Geräten.",
        "Interesse an der neuen Kollektion, wünscht eine Vorstellung.",
        "Sucht Ausstattung fürs Team, ist über den Online-Katalog auf uns gekommen.",
        "Bittet um Datenblatt + Info zur Verfügbarkeit.",
    ),
    "pricing_negotiation": (
        "Preisverhandlung zum Rahmenvertrag.",
        "Gespräch über den Preis für {product}.",
        "Möchte {pct} Rabatt auf die nächste Bestellung.",
        "Konditionen werden neu verhandelt, Budget bei {account} gekürzt.",
        "Will das Angebot von letzter Woche noch mal durchgehen.",
        "Preisliste und Staffelrabatte besprochen.",
        "Wehrt sich gegen die angekündigte Preiserhöhung fürs nächste Jahr.",
    ),
    "support_issue": (
        "Technisches Problem mit {product}.",
        "Gerät lässt sich seit dem letzten Laden nicht mehr einschalten.",
        "Ticket {ticket}: Störung seit Montag gemeldet.",
        "Kopplung mit der App klappt nicht, Einrichtung hängt.",
        "Defekt wenige Wochen nach dem Kauf gemeldet.",
        "Braucht Hilfe nach dem letzten Firmware-Update.",
        "Wiederkehrender Fehler bei der Nutzung, Fotos per Mail geschickt.",
    ),
    "billing_question": (
        "Frage zur letzten Rechnung.",
        "Versteht eine Position auf der Monatsrechnung nicht.",
        "Bittet um eine Rechnungskopie.",
        "Doppelte Abbuchung gemeldet.",
        "Möchte die Zahlungsart ändern.",
        "Abweichung zwischen Angebot und Rechnung, Differenz {amount}.",
        "Rechnungsadresse muss geändert werden.",
    ),
    "renewal": (
        "Vertragsverlängerung steht an.",
        "Premium-Mitgliedschaft (Versand inklusive) läuft in zwei Monaten aus.",
        "Jährliche Verlängerung des Rahmenvertrags vorbereiten.",
        "Fragt nach den Konditionen für die Verlängerung.",
        "Garantieverlängerung für {product} läuft bald ab.",
        "Verlängerung und Zusatzoptionen besprochen.",
    ),
    "complaint": (
        "Reklamation zur letzten Bestellung.",
        "Beschwerde über die Behandlung durch den Kundenservice.",
        "Beschwert sich über die Qualität von {product}.",
        "Schriftliche Beschwerde eingegangen, telefonisch nachgefasst.",
        "Unmut über die lange Bearbeitungszeit der Anfrage.",
        "Reklamation wegen des Technikereinsatzes.",
        "Widerspricht der Antwort vom Kundendienst.",
    ),
    "onboarding": (
        "Geschäftskundenkonto eröffnet, erster Blick ins Kundenportal.",
        "Inbetriebnahme von {product}: Kopplung und Einstellungen.",
        "Dem Team von {account} das Händlerportal gezeigt.",
        "Bei der ersten Online-Bestellung unterstützt.",
        "Kurzer Check zwei Wochen nach Kontoaktivierung.",
        "Einkäufer-Zugänge und Lieferadressen eingerichtet.",
    ),
    "feature_request": (
        "Verbesserungswunsch zu {product}.",
        "Wünscht sich eine Farbe bzw. Größe, die wir nicht führen.",
        "Schlägt Click & Collect für Geschäftskunden vor.",
        "Möchte Bestellungen in der App verfolgen können.",
        "Fragt nach einer monatlichen Sammelrechnung.",
        "Fragt, ob eine Version kommt, die mit dem alten Modell kompatibel ist.",
    ),
    "cancellation_risk": (
        "Denkt über Kündigung nach.",
        "Fragt nach den Kündigungsfristen.",
        "Abwanderungsrisiko: Bestellvolumen stark rückläufig.",
        "Deutet einen möglichen Wechsel zur Konkurrenz an.",
        "Kündigung per Mail eingegangen, angerufen, um die Gründe zu verstehen.",
        "Warnsignal: seit drei Monaten keine Bestellung mehr.",
    ),
    "delivery_issue": (
        "Lieferverzug bei der letzten Bestellung.",
        "Paket nicht angekommen, obwohl Status „zugestellt“.",
        "Bestellung {product} unvollständig geliefert.",
        "Ware beschädigt angekommen.",
        "Frage zur Sendungsverfolgung.",
        "Falscher Artikel im Paket.",
    ),
}
DETAIL = {
    "product_inquiry": (
        "Themen: Nutzung, Lieferzeiten, Garantie.",
        "Vergleicht mit einem Wettbewerber, will wissen, was uns unterscheidet.",
        "Bedarf bei {account}: etwa zehn Stück.",
        "Hat schon {product}, überlegt, ob sich das nächstgrößere Modell lohnt.",
        "Budget noch offen.",
    ),
    "pricing_negotiation": (
        "Aktuelles Angebot: {amount} netto.",
        "Wettbewerb lt. {oshort} rund {pct} günstiger.",
        "Zweijährige Bindung denkbar, wenn der Preis stimmt.",
        "Zentraler Einkauf bei {account}, Entscheidung auf Konzernebene.",
        "Mein maximaler Spielraum beim Rabatt: {pct}.",
    ),
    "support_issue": (
        "Fehler bei uns nachgestellt.",
        "Betrifft {product}, vor ein paar Monaten gekauft.",
        "Mehrere Nutzer bei {account} betroffen.",
        "Hatte letztes Jahr schon ein ähnliches Problem.",
        "Ticket {ticket} im 2nd Level eröffnet.",
    ),
    "billing_question": (
        "Betroffene Rechnung: {amount} brutto.",
        "Zahlung per Überweisung, Buchhaltung bei {account}.",
        "Betrifft die Bestellung {product}.",
        "Fällig in zwei Wochen.",
        "Lt. {oshort} versehentlich eine Zahlungserinnerung bekommen.",
    ),
    "renewal": (
        "Aktueller Vertrag: {amount} pro Jahr.",
        "Umsatz bei {account} dieses Jahr gestiegen.",
        "{product} könnte in den neuen Vertrag mit aufgenommen werden.",
        "Auf die automatische Verlängerung hingewiesen.",
        "Entscheidung bis Quartalsende erwartet.",
    ),
    "complaint": (
        "Bestellung beschädigt angekommen, Fotos liegen vor.",
        "Zweite Reklamation innerhalb von zwei Monaten.",
        "Betrifft {product}.",
        "Beschwerde kam über die Geschäftsführung von {account}.",
        "Hat zusätzlich eine Online-Bewertung geschrieben.",
    ),
    "onboarding": (
        "Drei Einkäufer-Zugänge angelegt.",
        "Import des Händlerkatalogs geplant für {day}.",
        "Einstiegsleitfaden vorab geschickt.",
        "Nutzt {product} erst seit Kurzem.",
        "Braucht Unterstützung bei Dauerbestellungen.",
    ),
    "feature_request": (
        "Mehrere Abteilungen bei {account} wünschen sich das.",
        "Aktueller Workaround: alles läuft per Mail.",
        "Andere Kunden haben das auch schon angefragt.",
        "Würde eine Beta testen.",
        "Hängt mit der täglichen Nutzung von {product} zusammen.",
    ),
    "cancellation_risk": (
        "Vertrag läuft noch bis Jahresende.",
        "Budget bei {account} gestrichen.",
        "Hat hauptsächlich {product} bestellt.",
        "Neuer Entscheider, stellt alles auf den Prüfstand.",
        "Konkurrenzangebot etwa {pct} günstiger.",
    ),
    "delivery_issue": (
        "Spediteur meldet mehrere Tage Verzug.",
        "Lieferung ging an den Standort von {account}.",
        "Bestellung vor zwei Wochen aufgegeben.",
        "Bestellwert: {amount}.",
        "Zweiter Lieferfehler in diesem Quartal.",
    ),
}
OUTCOME = {
    "product_inquiry": {
        "positive": (
            "Großes Interesse an einer Demo, Termin wird eingeplant.",
            "Unsere Antworten haben die Zweifel ausgeräumt, {short} will zügig weitermachen.",
            "Lt. {oshort} passt {product} genau zum Bedarf.",
            "Hat direkt ein Angebot angefordert, sehr gutes Zeichen.",
            "Präsentation kam super an, wird der GF zur Freigabe vorgelegt.",
            "Begeistert von der neuen Kollektion.",
            "{short} fand die Demo klasse und spricht schon von einer Bestellung.",
        ),
        "neutral": (
            "Infos geschickt, {short} muss das intern besprechen.",
            "Unterlagen raus, kurzfristig keine Entscheidung.",
            "Reine Informationsanfrage, kein konkretes Projekt.",
            "Preise notiert, meldet sich nach dem Vergleich.",
            "Kompatibilitätsfrage per Datenblatt geklärt.",
            "Will sich das Produkt erst im Laden ansehen.",
        ),
        "negative": (
            "Findet das Angebot für das Gebotene zu teuer.",
            "Unsere Antworten haben nicht überzeugt.",
            "{short} bemängelt unklare Infos auf der Website.",
            "Beschwert sich, dass eine Antwort eine Woche gedauert hat.",
            "Demo ging daneben, zu weit weg vom Bedarf.",
            "{product} erfüllt die Erwartungen nicht, schaut sich woanders um.",
            "Hat das Gefühl, dass wir den Bedarf nicht verstehen.",
        ),
    },
    "pricing_negotiation": {
        "positive": (
            "Einigung bei {amount}, {short} unterschreibt {day}.",
            "{pct} Rabatt akzeptiert, passt für beide Seiten.",
            "Deal steht, faire Verhandlung auf beiden Seiten.",
            "{short} hat das überarbeitete Angebot ohne Diskussion freigegeben.",
            "Längere Laufzeit vereinbart, Konditionen gern angenommen.",
            "Guter Kompromiss, {short} bedankt sich für das Entgegenkommen.",
        ),
        "neutral": (
            "Gegenangebot geschickt, warte auf Antwort.",
            "{short} muss das erst mit dem Einkauf abstimmen.",
            "Heute keine Entscheidung, Thema wieder {day}.",
            "Neues Angebot über {amount} zur Prüfung verschickt.",
            "Gespräch läuft, noch {pct} Abstand zwischen den Positionen.",
            "Möchte vorher einen detaillierten Vergleich.",
        ),
        "negative": (
            "Lehnt die Erhöhung rundweg ab, redet von Wechsel.",
            "Hält unser Angebot über {amount} für inakzeptabel.",
            "Verhandlung festgefahren, null Spielraum auf deren Seite.",
            "{short} fühlt sich bei den Preisen über den Tisch gezogen.",
            "Kein Fortschritt, die {pct} Rabatt wurden als lächerlich abgetan.",
            "Böse Überraschung beim Preis, Stimmung im Keller.",
        ),
    },
    "support_issue": {
        "positive": (
            "Direkt am Telefon gelöst, {short} war sehr dankbar.",
            "Fix eingespielt, alles läuft, {short} lobt die schnelle Reaktion.",
            "In zehn Minuten erledigt, super Feedback zum Kundendienst.",
            "Beim ersten Versuch gelöst, Kd. sehr zufrieden.",
            "Garantietausch genehmigt, {short} freut sich über das Tempo.",
            "Einrichtung gemeinsam abgeschlossen, alles funktioniert, {short} ist begeistert.",
        ),
        "neutral": (
            "Update eingespielt, Vorgang geschlossen.",
            "Workaround gegeben, bis der Fix kommt.",
            "Ticket {ticket} ans 2nd Level, {oshort} über den Zeitrahmen informiert.",
            "Nach einem Reset behoben, sonst nichts.",
            "Analyse läuft, melde mich {day} bei {oshort}.",
            "Erledigt, war eine Einstellung beim Kd.",
        ),
        "negative": (
            "Dritter Anruf wegen desselben Problems, immer noch nicht gelöst.",
            "{short} hat die Nase voll, Gerät seit einer Woche unbrauchbar.",
            "Bisher keine Lösung, großer Frust.",
            "Musste dem Support alles dreimal erklären, völlig entnervt.",
            "Ticket {ticket} hängt, keine Rückmeldung vom 2nd Level.",
            "Ausfall legt bei {account} alles lahm, kritisch.",
        ),
    },
    "billing_question": {
        "positive": (
            "Gutschrift noch am selben Tag erstellt, {short} bedankt sich für das Tempo.",
            "Alles geklärt, gutes Feedback zu den verständlichen Erklärungen.",
            "Erstattung freigegeben, {short} schätzt, dass es unkompliziert ging.",
            "Auf Lastschrift umgestellt, für {oshort} viel einfacher.",
            "Fehler sofort korrigiert, sehr nettes Gespräch.",
            "Klare Erklärung, {short} lobt die Nachbetreuung.",
        ),
        "neutral": (
            "Rechnungskopie per Mail verschickt.",
            "Position erklärt, waren die Versandkosten.",
            "Fehler bestätigt, Korrektur innerhalb von zehn Tagen.",
            "Rechnungsadresse geändert.",
            "Zur Prüfung an die Buchhaltung gegeben.",
            "Rechnung korrigiert, sonst nichts.",
        ),
        "negative": (
            "Schon wieder ein Abrechnungsfehler, {short} verlangt sofortige Erstattung.",
            "Findet es unmöglich, zum dritten Mal nachhaken zu müssen.",
            "Bestreitet den Betrag von {amount}, zahlt so nicht.",
            "Droht, Zahlungen zu stoppen, bis das korrigiert ist.",
            "Verärgert über versteckte Gebühren, spricht von Abzocke.",
            "Versprochene Gutschrift nirgends zu sehen, sehr hitziges Gespräch.",
        ),
    },
    "renewal": {
        "positive": (
            "Verlängerung für zwei Jahre unterschrieben, top.",
            "{short} verlängert ohne Zögern und nimmt Optionen dazu.",
            "Verlängerung bestätigt, der Service überzeugt voll.",
            "Grundsätzliche Zusage zur Verlängerung, ausgezeichnete Stimmung.",
            "Verlängert und will uns an andere Firmen weiterempfehlen.",
            "Bindung verlängert, {short} zieht keinen anderen Anbieter in Betracht.",
        ),
        "neutral": (
            "Verlängerung in der internen Freigabe.",
            "Verlängerungsangebot verschickt, Antwort {day}.",
            "Will erst das Jahr auswerten.",
            "Verlängerung wahrscheinlich, aber nichts unterschrieben.",
            "Möchte vor der Entscheidung eine Kopie des aktuellen Vertrags.",
            "Verlängerung bearbeitet, reine Formsache.",
        ),
        "negative": (
            "Will so nicht verlängern.",
            "Zögert stark, Preis-Leistung enttäuschend.",
            "Verlängerung wackelt, {short} hat ein Konkurrenzangebot.",
            "Keine Verlängerung, solange die Probleme nicht gelöst sind.",
            "Wirft uns vor, uns das ganze Jahr kaum gekümmert zu haben, keine Zusage.",
            "Sehr kühl bei der Verlängerung, will nur noch monatlich kündbar.",
        ),
    },
    "complaint": {
        "positive": (
            "Entschuldigt + Kulanz, {short} bedankt sich für die schnelle Reaktion.",
            "Reklamation am selben Tag erledigt, sehr positives Feedback.",
            "Umtausch akzeptiert, {short} hat gut gelaunt aufgelegt.",
            "Alles wieder im Lot, {short} schätzt, dass wir zugehört haben.",
            "Einvernehmlich abgeschlossen, Beziehung eher gestärkt.",
            "Gutschrift erteilt, {short} hat die schlechte Bewertung gelöscht.",
        ),
        "neutral": (
            "Reklamation erfasst, wird geprüft.",
            "An die Qualitätssicherung weitergeleitet.",
            "Kulanzangebot gemacht, Antwort steht aus.",
            "Bestellfehler korrigiert, Vorgang geschlossen.",
            "Sachverhalt erklärt, {short} nimmt das zur Kenntnis.",
            "Rücksendung veranlasst, Erstattung nach Eingang.",
        ),
        "negative": (
            "Lt. {oshort} inakzeptabel, fordert Entschädigung.",
            "Kulanzangebot abgelehnt, reicht nicht.",
            "Spricht davon, sich an die Verbraucherzentrale zu wenden.",
            "Kalte Wut, will keine Entschuldigungen mehr hören.",
            "Keine zufriedenstellende Lösung, Reklamation bleibt offen.",
            "Kündigt an, die Erfahrung in den sozialen Medien zu teilen.",
        ),
    },
    "onboarding": {
        "positive": (
            "Schnell reingefunden, {short} findet das Portal sehr intuitiv.",
            "Schulung kam gut an, das ganze Team bestellt schon selbstständig.",
            "Reibungsloser Start, {short} bedankt sich für die Begleitung.",
            "Alles in einer Sitzung eingerichtet, super Feedback.",
            "{short} mag die Oberfläche sehr und will Zugänge für weitere Kollegen.",
            "Erste Bestellung ohne Probleme, alle happy.",
        ),
        "neutral": (
            "Konto eingerichtet, Lieferadressen fehlen noch.",
            "Termin erledigt, offene Fragen beim nächsten Check.",
            "Zugänge angelegt, {short} testet selbst.",
            "Kleines Login-Problem im Termin behoben, läuft nach Plan.",
            "Einführungsplan abgestimmt.",
            "Einarbeitung läuft, nichts Blockierendes.",
        ),
        "negative": (
            "Holpriger Start, {short} findet das Kundenportal zu kompliziert.",
            "Termin abgebrochen, nichts hat wie geplant funktioniert.",
            "Frust: nach zwei Wochen immer noch kein Zugang.",
            "Das Team bei {account} sieht keinen Nutzen, niemand hat sich eingeloggt.",
            "{short} bereut den Kauf schon, zu viel Zeit verloren.",
            "Einführung als lieblos empfunden, will einen anderen Ansprechpartner.",
        ),
    },
    "feature_request": {
        "positive": (
            "Gute Nachricht: ist für den Herbst geplant, {short} ist begeistert.",
            "{short} meldet sich freiwillig als Tester, sehr motiviert.",
            "Idee weitergegeben, {short} schätzt, dass wir zuhören.",
            "Option gibt es schon, direkt freigeschaltet: großes Dankeschön von {oshort}.",
            "Sehr konstruktiver Austausch, viele gute Ideen.",
            "{short} ist von den vorgestellten Neuerungen angetan.",
        ),
        "neutral": (
            "Wunsch ans Produktteam weitergegeben.",
            "Kurzfristig nicht geplant, {oshort} erklärt.",
            "Vorschlag für die nächste Runde notiert.",
            "Übergangslösung angeboten, mal sehen, wie es läuft.",
            "Bedarf noch unklar, {short} schickt eine kurze Beschreibung.",
            "Option gibt es, war nur nicht bekannt, Anleitung geschickt.",
        ),
        "negative": (
            "Für {oshort} ein Muss, sonst schauen sie sich anderswo um.",
            "Große Enttäuschung: vor einem Jahr angefragt, bis heute nichts.",
            "Unverständlich, dass so eine einfache Option fehlt.",
            "Nicht auf der Roadmap, {short} hat das sehr schlecht aufgenommen.",
            "Droht mit Lieferantenwechsel, wenn sich dieses Jahr nichts tut.",
            "Hat das Gefühl, dass Feedback bei uns im Papierkorb landet.",
        ),
    },
    "cancellation_risk": {
        "positive": (
            "{short} bleibt doch: unser Maßnahmenplan hat den Ausschlag gegeben.",
            "Risiko abgewendet, {short} verlängert sogar um ein Jahr.",
            "Nach dem Gespräch kein Thema mehr mit Kündigung, Beziehung wieder stabil.",
            "Treueangebot mit Freude angenommen.",
            "Die gelösten Probleme haben alles verändert, {short} vertraut uns wieder.",
            "Schöne Überraschung: Kündigung vom Tisch, {short} will {product} dazunehmen.",
        ),
        "neutral": (
            "Überlegt noch, Entscheidung {day}.",
            "Halteangebot geschickt, warte ab.",
            "Kündigung erfasst, wirksam zum Vertragsende.",
            "Will vor der Entscheidung vergleichen.",
            "Termin mit dem Entscheider, um die Erwartungen zu klären.",
            "An das Kundenbindungsteam übergeben.",
        ),
        "negative": (
            "Kündigung bestätigt, kein Argument hat gezogen.",
            "Geht zur Konkurrenz, Entscheidung steht.",
            "Lehnt jedes Halteangebot ab, will nichts mehr von uns hören.",
            "Zu viele Enttäuschungen, {short} hat schon woanders unterschrieben.",
            "Reagiert nicht mehr auf Nachfragen, Abgang so gut wie sicher.",
            "Viel Verbitterung über unsere Betreuung, Account verloren.",
        ),
    },
    "delivery_issue": {
        "positive": (
            "Expressnachlieferung veranlasst, {short} bedankt sich für die schnelle Hilfe.",
            "Noch am selben Tag gelöst, alles wieder im Lot.",
            "Kostenloser Umtausch, {short} findet den Service tadellos.",
            "Versandkosten erstattet, kam sehr gut an.",
            "Noch während des Telefonats gelöst, tolles Feedback.",
            "{short} lobt die transparente Sendungsverfolgung.",
        ),
        "neutral": (
            "Nachforschungsauftrag beim Spediteur gestellt.",
            "Neuer Liefertermin mitgeteilt: {day}.",
            "Fehlende Artikel werden nachgeschickt.",
            "Sendungsstatus beim Spediteur geprüft.",
            "Rücksendeprozess erklärt.",
            "Tracking-Link erneut per Mail geschickt, sonst nichts.",
        ),
        "negative": (
            "Immer noch nicht gelöst, {short} will die Bestellung stornieren.",
            "Drittes Lieferproblem in Folge, die Geduld ist weg.",
            "{short} verlangt volle Erstattung, will nicht länger warten.",
            "Keine Info vom Spediteur, niemand weiß, wo die Bestellung ist.",
            "Geplatzte Lieferung hat das Team bei {account} einen ganzen Tag gekostet.",
            "Hält unsere Logistik für eine Katastrophe.",
        ),
    },
}
MOOD = {
    "positive": (
        "Sehr angenehmes Gespräch, herzlicher Ton.",
        "Begeistert vom Service.",
        "Beziehung läuft bestens.",
        "Viel Lob fürs Team.",
        "Spürbares Vertrauen, es geht gut voran.",
        "Gute Stimmung am Telefon, wir haben sogar gelacht.",
        "Ehrlich gesagt einer der angenehmsten Accounts im Portfolio.",
        "Keinerlei Einwände, alles im grünen Bereich.",
    ),
    "neutral": (
        "Freundlich, nichts Besonderes.",
        "Sachlicher Ton, wollte vor allem Infos.",
        "Keine Auffälligkeiten in der Beziehung.",
        "Kurzes, geschäftsmäßiges Gespräch.",
        "Noch keine klare Meinung.",
        "Neutrales Gespräch, mal sehen.",
        "Eher abwartend, aber keine Warnsignale.",
        "Ruhiges Gespräch, nichts Dringendes.",
    ),
    "negative": (
        "Kurz angebunden, deutlich verärgert.",
        "Angespanntes Gespräch, mehrere Vorwürfe.",
        "Droht mit Wechsel zur Konkurrenz.",
        "Sichtlich enttäuscht, das Vertrauen hat gelitten.",
        "Hat ziemlich abrupt aufgelegt.",
        "Wurde mehrfach laut, sehr aufgebracht.",
        "Spricht von Kündigung, falls das so weitergeht.",
        "Geduld ist eindeutig am Ende.",
    ),
}
NEXT = {
    "positive": (
        "WV in drei Monaten für ein Update.",
        "Guter Moment, um nach einer Bewertung zu fragen.",
        "Nachfassen {day}, nächste Schritte planen.",
        "Beim nächsten Mal das Empfehlungsprogramm ansprechen.",
        "Heute noch eine kurze Dankesmail schicken.",
        "Bestellung wird vorbereitet, Liefertermin {day} abstimmen.",
        "Cross-Selling-Potenzial beim nächsten Termin ausloten.",
        "Forecast aktualisieren, Deal sieht gut aus.",
    ),
    "neutral": (
        "Rückruf {day}.",
        "Warte auf Rückmeldung, sonst in einer Woche nachhaken.",
        "Datensatz aktualisiert, Ticket geschlossen.",
        "Aktuell kein Handlungsbedarf.",
        "Unterlagen per Mail schicken, dann Rückfragen abwarten.",
        "WV {day} eingetragen.",
        "Bis zum nächsten Kontakt nichts zu tun.",
        "Weiter beobachten.",
    ),
    "negative": (
        "Heute an meinen Vorgesetzten eskaliert.",
        "Dringender Rückruf {day}, nicht liegen lassen!",
        "Kulanzangebot mit der GL abstimmen.",
        "Account im CRM als gefährdet markiert, eng begleiten.",
        "Support um schriftliche Rückmeldung binnen 48 Std. bitten.",
        "Key Account Manager ruft {day} an.",
        "Wenn das nicht schnell gelöst wird, verlieren wir den Account.",
        "An die Qualitätssicherung weitergeben.",
    ),
}

# E-mails --------------------------------------------------------------------------------------

GREETING = "Hallo {{customer_name}},"
CTA = "JETZT ENTDECKEN"
SIGNOFF = "Viele Grüße\nIhr BrandCo-Team"
AND = "und"
DEADLINES = (
    "bis Sonntag um Mitternacht",
    "nur zwei Wochen lang",
    "bis Monatsende",
    "nur an diesem Wochenende",
    "eine Woche lang",
    "solange der Vorrat reicht",
)
SUBJECTS = {
    "acquisition": (
        "Willkommen bei BrandCo: {pct} auf Ihre erste Bestellung",
        "Lust auf etwas Neues?",
        "Ihre erste Bestellung zum Vorteilspreis",
        "Entdecken Sie, was BrandCo für Sie tun kann",
        "Willkommensgeschenk: Der Versand geht auf uns",
        "Tausende sind schon dabei. Und Sie?",
        "{pct} Rabatt zum Kennenlernen",
        "Neu hier? Ein Geschenk wartet auf Sie",
    ),
    "retention": (
        "Danke für Ihre Treue: ein Vorteil nur für Sie",
        "Wir haben an Sie gedacht",
        "Ihre Kundenvorteile für diesen Monat sind da",
        "Ein kleines Dankeschön von uns",
        "Treue lohnt sich: {pct} Rabatt in diesem Monat",
        "Tipps, damit Sie noch mehr aus Ihren Einkäufen machen",
        "Doppelte Treuepunkte – ab sofort",
        "Diesen Monat stehen Sie im Mittelpunkt",
    ),
    "upsell": (
        "{pct} auf unsere Premium-Linie, exklusiv für Sie",
        "Zeit für ein Upgrade?",
        "Die perfekte Ergänzung zu Ihrer Ausstattung",
        "Gefällt Ihnen? Dann wird Sie das begeistern",
        "Exklusiv: Upgrade zum Vorzugspreis",
        "Warum hier aufhören?",
        "Zubehör, das den Unterschied macht",
        "Kunden wie Sie haben auch gewählt …",
    ),
    "winback": (
        "Kommen Sie zurück: {pct} Rabatt für Sie",
        "Wir vermissen Sie",
        "Ein besonderes Angebot zu Ihrer Rückkehr",
        "Lange nicht gesehen!",
        "{pct} Rabatt – machen Sie da weiter, wo Sie aufgehört haben",
        "Bei uns hat sich viel getan",
        "Letzte Chance auf Ihren Vorteil",
        "Ihr Platz ist noch frei",
    ),
    "engagement": (
        "Die Neuheiten des Monats sind da",
        "Zwei Minuten Zeit? Ihre Meinung ist gefragt",
        "Tipps und Tricks für Ihre Lieblingsprodukte",
        "Machen Sie mit bei unserem Gewinnspiel",
        "Was es Neues bei BrandCo gibt",
        "Ein Blick hinter die Kulissen von BrandCo",
        "Unsere Favoriten der Saison",
        "Werden Sie Teil der BrandCo-Community",
    ),
}
INTRO = {
    "acquisition": (
        "Sie suchen zuverlässige Produkte, die Ihnen den Alltag leichter machen? Genau darum "
        "kümmern wir uns bei BrandCo seit Jahren.",
        "Wir freuen uns, Ihnen BrandCo vorzustellen. Tausende Kundinnen und Kunden vertrauen "
        "uns bereits jeden Tag, und wir würden Sie gern dazuzählen.",
        "Vielleicht ist jetzt der richtige Moment für etwas Neues? {product} hat schon viele "
        "überzeugt, und wir sind sicher: Auch Sie werden begeistert sein.",
        "Herzlich willkommen! Sie haben BrandCo gerade erst entdeckt, deshalb möchten wir Ihnen "
        "kurz zeigen, was uns ausmacht.",
        "Qualität, Einfachheit und ein Kundenservice, der wirklich antwortet: Das bietet Ihnen "
        "BrandCo ab heute.",
        "Schön, dass Sie kürzlich auf unserer Website vorbeigeschaut haben. Hier können Sie uns "
        "besser kennenlernen.",
    ),
    "retention": (
        "Danke, dass Sie zur BrandCo-Familie gehören. Ihre Treue bedeutet uns viel, und das "
        "möchten wir Ihnen einmal sagen.",
        "Sie vertrauen uns schon eine ganze Weile, und wir möchten, dass jeder Einkauf ein gutes "
        "Erlebnis bleibt.",
        "Sie nutzen {product} schon einige Zeit. Hier sind ein paar Ideen, wie Sie noch mehr "
        "herausholen.",
        "Treue verdient besondere Aufmerksamkeit. Deshalb sind diesen Monat Sie zuerst an der "
        "Reihe.",
        "Wir hoffen, Ihre letzten Einkäufe machen Ihnen Freude. Ihr Feedback hilft uns, unsere "
        "Produkte stetig zu verbessern.",
        "Vielen Dank für Ihr Vertrauen. Als kleines Zeichen haben wir eine Überraschung für Sie "
        "vorbereitet.",
    ),
    "upsell": (
        "Sie sind mit {product} zufrieden? Dann wird Ihnen unsere passende Auswahl dazu gefallen.",
        "Viele, die sich für {product} entschieden haben, steigen später auf unsere Premium-"
        "Linie um. Hier erfahren Sie, warum.",
        "Die Qualität von BrandCo kennen Sie bereits. Jetzt ist es Zeit, unsere Premium-Linie "
        "kennenzulernen.",
        "Lust auf mehr? Wir haben Produkte ausgewählt, die perfekt zu Ihren bisherigen Einkäufen "
        "passen.",
        "Mehr Leistung, mehr Komfort, mehr Möglichkeiten: Unsere Premium-Linie ist für "
        "anspruchsvolle Kunden gemacht.",
        "Ihre jetzige Ausstattung hat sich bewährt. Mit ein paar gut gewählten Extras kann sie "
        "noch mehr.",
    ),
    "winback": (
        "Wir haben schon länger nichts von Ihnen gehört, und Sie fehlen uns.",
        "Seit Ihrem letzten Besuch hat sich bei BrandCo einiges getan. Das möchten wir Ihnen "
        "gern zeigen.",
        "Wir wissen, dass Sie hohe Ansprüche haben. Wir haben auf unsere Kunden gehört und "
        "unsere Produkte entsprechend verbessert.",
        "Ihre letzte Bestellung liegt schon etwas zurück, und wir haben uns gefragt, wie es "
        "Ihnen geht.",
        "Wir würden Sie gern wieder bei uns begrüßen. Damit Ihnen die Rückkehr leichtfällt, "
        "haben wir etwas Besonderes vorbereitet.",
        "Ihnen hat {product} gefallen? Dann sehen Sie sich an, was seitdem neu im Sortiment ist.",
    ),
    "engagement": (
        "Diesen Monat haben wir jede Menge Neuigkeiten für Sie.",
        "Wir haben unsere besten Tipps gesammelt, damit Sie das Maximum aus Ihren BrandCo-"
        "Produkten herausholen.",
        "Bei BrandCo bleiben wir gern mit unseren Kunden in Kontakt. Hier das Neueste von uns.",
        "Ihre Meinung hilft uns, besser zu werden. Ein paar Minuten genügen, um uns zu sagen, "
        "was Sie von unseren Produkten halten.",
        "Holen Sie mehr aus {product} heraus – mit ein paar Tipps von unserem Team.",
        "Neue Saison, neue Ideen: Entdecken Sie unsere aktuelle Auswahl.",
    ),
}
PRODUCT_ONE = (
    "Diesmal im Rampenlicht: {product}. Sorgfältig entwickelt, von unserem Team getestet und von "
    "unseren Kunden geschätzt.",
    "Unser Tipp für Sie: {product}, ausgewählt wegen Qualität und einfacher Handhabung.",
    "{product} ist ab sofort in unserem Onlineshop erhältlich, mit ausführlichen Infos und "
    "Kundenbewertungen.",
    "Aktuell ein Bestseller bei uns: {product}. Kommt bei allen gut an, und das aus gutem Grund.",
    "Entdecken Sie {product}: eine sichere Wahl, gemacht für lange Freude.",
    "Im Fokus: {product}, mit allen Infos, die Ihnen die Wahl erleichtern.",
)
PRODUCTS = (
    "Diesmal im Rampenlicht: {products}. Sorgfältig entwickelt, von unserem Team getestet und "
    "von unseren Kunden geschätzt.",
    "Unsere Auswahl für Sie: {products}. Jedes Produkt überzeugt durch Qualität und einfache "
    "Handhabung.",
    "In dieser Auswahl finden Sie {products}, alle sofort in unserem Onlineshop verfügbar.",
    "Unsere aktuellen Bestseller: {products}. Sie kommen bei allen gut an, und das aus gutem "
    "Grund.",
    "Entdecken Sie {products}: bewährte Lieblinge, gemacht für lange Freude.",
    "Im Fokus: {products}, mit ausführlichen Infos und Kundenbewertungen, die Ihnen die Wahl "
    "erleichtern.",
)
OFFER = {
    "acquisition": (
        "Sichern Sie sich {pct} Rabatt auf Ihre erste Bestellung, {deadline}.",
        "Willkommensangebot: versandkostenfrei und {pct} Rabatt, {deadline}.",
        "Wenn Sie heute ein Konto anlegen, erhalten Sie {pct} auf das gesamte Sortiment, "
        "{deadline}.",
        "Testen Sie ohne Risiko: dreißig Tage Geld-zurück-Garantie und {pct} auf Ihren ersten "
        "Einkauf.",
        "Ihr Willkommenscode bringt Ihnen {pct} Rabatt, {deadline}.",
        "Melden Sie sich an und erhalten Sie zu Ihrer ersten Bestellung ein Willkommensgeschenk.",
    ),
    "retention": (
        "Als Dankeschön erhalten Sie {pct} auf Ihre nächste Bestellung, {deadline}.",
        "Ihre Treuepunkte zählen doppelt, {deadline} – jetzt ist der perfekte Moment.",
        "Als Dankeschön für Ihre Treue ist der Expressversand diesen Monat für alle Ihre "
        "Bestellungen kostenlos.",
        "In Ihrem Kundenkonto wartet ein Gutschein über {pct} auf Sie.",
        "Erhalten Sie frühen Zugang zu unseren privaten Sales, mit zusätzlich {pct} Rabatt.",
        "Wir verlängern Ihre Garantie kostenlos um ein Jahr, ganz ohne Formulare.",
    ),
    "upsell": (
        "Sparen Sie {pct} auf unsere Premium-Linie, {deadline}.",
        "Ergänzen Sie Ihre Bestellung um ein passendes Produkt und sparen Sie {pct} auf alles.",
        "Upgrade zum Vorzugspreis: {pct} Rabatt, {deadline}.",
        "Beim Kauf eines Sets gibt es das Zubehör gratis dazu.",
        "Nur für Bestandskunden: {pct} auf Produkte, die zu Ihren letzten Einkäufen passen.",
        "Steigen Sie heute um, wir nehmen Ihr altes Gerät zu einem guten Preis in Zahlung.",
    ),
    "winback": (
        "Zu Ihrer Rückkehr schenken wir Ihnen {pct} auf eine Bestellung Ihrer Wahl, {deadline}.",
        "Kommen Sie jetzt zurück: versandkostenfrei und zusätzlich {pct} Rabatt.",
        "Ein spezieller Willkommen-zurück-Code wartet auf Sie: {pct} Rabatt, {deadline}.",
        "Zur Feier Ihrer Rückkehr wartet ein kleines Geschenk auf Sie.",
        "Reaktivieren Sie Ihr Konto und sparen Sie {pct} auf alles, {deadline}.",
        "Ihre nächste Lieferung ist versandkostenfrei, ganz ohne Mindestbestellwert.",
    ),
    "engagement": (
        "Machen Sie bei unserem Gewinnspiel mit und gewinnen Sie mit etwas Glück {product}.",
        "Nehmen Sie an unserer kurzen Umfrage teil und erhalten Sie {pct} Rabatt als Dankeschön.",
        "Werden Sie Teil unserer Online-Community und tauschen Sie Tipps mit anderen Kunden aus.",
        "Melden Sie sich zu unserem kostenlosen Online-Workshop an und entdecken Sie, was Ihre "
        "Produkte alles können.",
        "Bewerten Sie {product} und sichern Sie sich die Chance auf einen Gutschein.",
        "Stöbern Sie in unseren neuen Ratgebern, kostenlos in Ihrem Kundenkonto.",
    ),
}
EMAIL_EXTRA = (
    "Die Lieferung ist schnell, und Rücksendungen sind dreißig Tage lang kostenlos.",
    "Unser Kundenservice ist von Montag bis Samstag für all Ihre Fragen da.",
    "Auf alle Produkte gibt es zwei Jahre Garantie, und alle durchlaufen strenge "
    "Qualitätskontrollen.",
    "Mehr als neun von zehn Kunden empfehlen BrandCo weiter.",
    "Sichere Bezahlung, auf Wunsch auch in drei zinsfreien Raten.",
    "Jede Bestellung wird in unserem Lager sorgfältig verpackt und innerhalb von 48 Stunden "
    "verschickt.",
)
CLOSING = (
    "Wir freuen uns auf Sie.",
    "Danke für Ihr Vertrauen und bis bald.",
    "Bei Fragen sind wir jederzeit gern für Sie da.",
    "Wir hoffen, unsere Auswahl gefällt Ihnen.",
    "Bis bald bei BrandCo.",
    "Das ganze Team wünscht Ihnen einen schönen Tag.",
)
