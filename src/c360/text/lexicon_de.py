"""German cues for the sentiment and topic of CRM notes (hand-written, see ``lexicon_cues``).

Entries are accent-free (ä -> a, ß -> ss happen on both sides); ``*wut`` style entries also
match the end of a compound ("stinksauer", "Druckerproblem").
"""

CAPITALISED_NOUNS = True

NEGATORS = "kein, keine, keinen, keinem, keiner, keines, niemals, ohne, nichts, kaum, weder"
POST_NEGATORS = "nicht, nie, nicht mehr, ausgeräumt, beseitigt, zerstreut"
INTENSIFIERS = """sehr, total, echt, wirklich, äußerst, extrem, richtig, absolut, völlig, ganz,
    besonders, so, ziemlich, gar, überhaupt, höchst, mega, voll, sowas von, zutiefst, großes, große,
    großer, großen, ehrlich gesagt"""
POST_INTENSIFIERS = ""
DIMINISHERS = "etwas, ein bisschen, ein wenig, leicht, eher, halbwegs, einigermaßen"
CONTRAST = "aber, jedoch, allerdings, trotzdem, dennoch, obwohl, sondern"

SENTIMENT = {
    0.0: """gut erreichbar, nicht erreichbar, guten tag, guten morgen, ganz gut""",
    2.0: """begeistert*, begeisterung, hervorragend*, ausgezeichnet*, fantastisch*, großartig*,
        wunderbar*, lob, lobt, lobte, gelobt, dankbar*, überglücklich, traumhaft*, hochzufrieden,
        rundum zufrieden, dankes*, weiterempfehl*""",
    1.5: """zufrieden*, zufriedenheit, glücklich*, froh, freut sich, freuen sich, freute sich,
        freut, erfreut, erleichtert*, beeindruckt, gefällt, gefallen, gefiel, reibungslos*, bestens,
        toll*, perfekt*, klasse, spitze, prima, super, gutes gespräch, gute stimmung, bedankt sich,
        bedankt, herzlich*, loyal*, treu*, stammkunde*, gelacht, happy, im lot,
        passt für beide seiten""",
    1.0: """schöne, schönen, schöner, schönes, positiv*, angenehm*, freundlich*, danke, dank,
        überzeugt*, zuversichtlich*, empfiehlt, empfehl*, hilfreich*, zuverlässig*, erfolg,
        erfolgreich*, gewonnen, einfacher, besser, verbessert, interessant*, motiviert*, intuitiv*,
        schätzt, schätzen, gestärkt, einvernehmlich*""",
    0.5: """gut, gute, guter, gutes, guten, vertrau*, kein problem, keine probleme, ohne probleme,
        problemlos, interessiert*, interesse, alles klar, in ordnung, freigegeben, gern, gerne,
        geschätzt, verlängert""",
    0.4: """passt, klappt, funktioniert, läuft, gelöst, behoben, akzeptiert, angenommen,
        unterschrieben, einverstanden, geklärt, schnell*""",
    -0.4: """problem*, *problem, *probleme, fehler*, *fehler, störung*, *störung, defekt*, kaputt*,
        beschädigt*, verspät*, verzöger*, fehlt, fehlend*, falsch*, ausfall*, absturz, stürzt,
        reklamation*, beschwerde*, beschwert, kündig*, storn*, verloren, erstattung*, mangel*,
        eskaliert, verlieren, bestreitet, nichts besonderes""",
    -1.0: """schlecht*, leider, bedauer*, sorge*, besorgt*, beunruhigt*, unsicher*, verwirrt*,
        kompliziert*, umständlich*, angespannt*, vorwürfe, vorwurf, kritik*, kritisiert, zweifel*,
        skeptisch*, langsam*, ungeduldig*, kühl*, unklar*, schwierig*, zöger*, ignoriert*, bereut,
        schade, lästig*, holprig*, mühsam*, verlangt*, lehnt, ablehn*, abgelehnt, festgefahren,
        null spielraum, gefährdet, warnsignal*, warnzeichen, unbrauchbar*, papierkorb, zu teuer,
        schon wieder, aufgelegt, länger warten, geduld, keine bestellung, keine bestellungen,
        abwanderung*, *gefahr""",
    -1.5: """unzufrieden*, unglücklich*, verärgert*, ärger, ärgert, ärgerlich*, sauer, *sauer,
        genervt*, nervt, gereizt*, droht, drohen, drohung*, unfreundlich*, frech*,
        vertrauen verloren, vertrauensverlust, hat genug, nase voll, schlimmer, schlimm,
        verschlechtert*, unmöglich*, anwalt*, verbraucherzentrale, nicht ernst genommen,
        rechtliche schritte, enttäusch*, aufgebracht*, entnervt*, verbitter*, bitter*, hitzig*,
        böse, im keller, gelitten, nichts mehr von uns""",
    -2.0: """wütend*, wut, *wut, empört*, empörung, frustriert*, frust*, katastroph*, schrecklich*,
        furchtbar*, inakzeptabel*, unakzeptabel*, skandal*, unverschämt*, unzumutbar*, entsetzt*,
        fassungslos*, zornig*, zorn, stinksauer, desaster*, miserabel*, abzocke*, verarscht,
        lächerlich*""",
}

TOPICS = {
    "billing_question": (
        """rechnung*, *rechnung, zahlung*, *zahlung, bezahl*, lastschrift*, gutschrift*, mahnung*,
            mwst, ust, mehrwertsteuer, überweisung*, abbuchung*, abgebucht*, bankverbindung*, iban,
            zahlungsziel*, gebühr*, *gebühr, *gebühren, berechnet, kontoauszug*, quittung*, beleg*,
            zahlt, zahlen, bezahlt, doppelt abgebucht""",
        """betrag*, *betrag, erstattung*, buchhaltung*, offene, kosten, abrechnung*""",
    ),
    "pricing_negotiation": (
        """preis*, *preis, *preise, rabatt*, *rabatt, nachlass*, verhandl*, *verhandlung,
            konditionen, preisliste*, günstiger, billiger, teurer, marge*, staffelpreis*,
            gegenangebot*, kostenvoranschlag*, mengenrabatt*, skonto""",
        """teuer, budget*, angebot*, *angebot, wettbewerb*, konkurrenz*, prozent, kosten""",
    ),
    "support_issue": (
        """störung*, *störung, fehlermeldung*, absturz, abgestürzt, stürzt, defekt*,
            funktioniert nicht, geht nicht, läuft nicht, techniker*, hotline, fernwartung,
            zurückgesetzt, zurücksetzen, reset, neustart, neu gestartet, firmware*, update*, login,
            anmeldung, passwort*, kennwort*, kopplung*, verbindung*, synchron*, sync, 2nd level,
            second level, einstellung*, support*""",
        """problem*, *problem, *probleme, gerät*, app, software*, system*, portal*, behoben, gelöst,
            installation*, install*, kaputt*, level, ticket*, technisch*, fehler*, *fehler""",
    ),
    "feature_request": (
        """funktion, funktionen, funktionalität*, feature*, wunsch, *wunsch, wünscht, wünschen,
            verbesserung*, *verbesserung, vorschlag, vorschläge, schlägt vor, erweiterung*,
            ergänzung*, roadmap, schnittstelle*, integration*, api, hätte gern, hätte gerne,
            hätten gern, hätten gerne, wäre toll, wäre schön, neue option, beta, geplant für,
            nicht geplant, verfolgen können, nutzen können, workaround""",
        """option*, export*, fehlt, vermisst, idee*, zusätzlich*, möglichkeit*, geplant, neuerung*,
            können""",
    ),
    "complaint": (
        """beschwerde*, *beschwerde, beschwert, beschweren, reklamation*, reklamiert, unzufrieden*,
            entschuldigung*, entschädigung*, kulanz*, schadensersatz, verbraucherzentrale,
            schlichtung*, social media""",
        """qualität*, mangel*, mangelhaft*, unfreundlich*, chef, vorgesetzt*, kundendienst,
            bewertung*, ärger, inakzeptabel*, unverschämt*""",
    ),
    "cancellation_risk": (
        """kündig*, *kündigung, storn*, abwander*, abspringen, absprung*, wechselt zu, wechseln zu,
            anbieterwechsel, lieferantenwechsel, anderen anbieter, anderen lieferanten,
            kündigungsfrist*, keine bestellung, keine bestellungen, keine aufträge, konto schließen,
            churn*, rückgewinn*, gefährdet, verlieren""",
        """wettbewerb*, konkurrenz*, wechsel*, wechselt, weg, beenden, aufhören, rückläufig*,
            risiko, verloren""",
    ),
    "delivery_issue": (
        """liefer*, *lieferung, geliefert, nachgeliefert, versand*, versendet, verschickt, sendung*,
            *sendung, paket*, *paket, spedition*, zusteller*, kurier*, tracking*,
            sendungsverfolgung, zustellung*, angekommen, nicht angekommen, falscher artikel,
            falsche adresse, fahrer*""",
        """verspät*, verzöger*, beschädigt*, fehlend*, unvollständig*, karton*, retoure*, rücksend*,
            zu spät, lager""",
    ),
    "onboarding": (
        """onboarding, kick-off, kickoff, einführung*, schulung*, *schulung, einrichtung,
            eingerichtet, einarbeitung*, willkommen*, neukunde*, neuer kunde, neuen kunden,
            erste bestellung, ersten bestellung, aktivierung, kontoaktivierung, inbetriebnahme,
            zugänge, zugang, startpaket*, einstieg*, begleitung, erste schritte, leitfaden""",
        """start*, anleitung*, konfigur*, sitzung*, einweisung*, angelegt, eröffnet, erste, ersten,
            erster, kundenportal""",
    ),
    "renewal": (
        """verlänger*, *verlängerung, erneuer*, vertragsende, läuft aus, ausläuft, ablauf*,
            anschlussvertrag*, laufzeit*, weitere jahre, weiteres jahr""",
        """vertrag*, *vertrag, jahre, upgrade*""",
    ),
    "product_inquiry": (
        """sortiment*, katalog*, broschüre*, datenblatt*, datenblätter, technische daten,
            verfügbarkeit*, verfügbar, lieferbar, auf lager, demo*, vorführung*, muster, kompatib*,
            produktinfo*, lieferzeit*, kollektion*, mindestmenge*""",
        """produkt*, modell*, größe*, farbe*, information*, infos, frage*, anfrage*, interesse*,
            interessiert*, version*, variante*""",
    ),
}
