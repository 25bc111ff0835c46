"""Frequent words (accent-free) and telling letters of the note languages and their look-alikes.

Function words plus everyday CRM words for fr/en/de/es; shorter lists for the languages a note
could be mistaken for (it, nl, pt, sv, pl), which the detector reports as "other". A word that
all four note languages use ("email", "ticket") is in each list: it votes for none of them.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    "en": """
        the a an and or but of to in on at for with from by about as into than then so if
        is are was were be been being has have had do does did will would can could should may
        it its this that these those they them their he she him her his we our us you your i my me
        not no never nothing any some all very really too just more less most also still yet
        what when where how who which there here only again already after before since until
        wants want wanted asked asks said says told call called calls calling back next week
        today tomorrow yesterday sent send sending new get got went left set through way need needs
        needed see check waiting answer order orders customer client invoice delivery meeting
        email phone follow up team account contract quote price ticket issue problem out over
        re w asap thanks happy good great bad one two three month months year years monday tuesday
        wednesday thursday friday morning afternoon spoke talked discussed agreed confirmed around
        request requested arrived received happened everything something because while both each
        other same another our off down made make done said sure ok let keep sorted
        contact record records update updated support written within several complaint complaints
        conversation discussion secondary primary details address verified ask asking prefers
        prefer interested looking like likes think thinks know knows feel feels give given take
        took taken come came going tried try trying seems seem spoke about per via without
        between during under against towards few many much please regarding tense upset angry
        unhappy pleased satisfied copy refund shipping costs voicemail message left rescheduled
        email ticket decision times usage lead warranty bought last book help
    """,
    "fr": """
        le la les l un une des du de d et ou mais donc car ni que qu qui quoi dont ce cet cette ces
        c ca il elle ils elles on nous vous je j me m se s lui leur leurs son sa ses mon ma mes
        notre nos votre vos au aux en dans sur sous avec sans pour par chez vers depuis avant apres
        pendant entre est sont etait ete etre avoir a ont avait fait faire pas ne n plus tres bien
        tout tous toute toutes aussi encore deja toujours jamais rien peu trop assez comme si oui
        non merci client cliente clients commande commandes facture livraison appel appele
        rappeler rappel semaine lundi mardi mercredi jeudi vendredi demain aujourd hui prochain
        prochaine demande souhaite veut voudrait envoye envoyee envoyer suite suivi rdv devis
        remise colis mail equipe compte contrat probleme souci besoin besoins selon lors afin voir
        prevu fin mois jours ans nouveau nouvelle premiere premier deux trois retour reponse
        attente question questions prix tarif contact passe trouve quelques chose fois matin soir
        aucun aucune cause moment propose proposee accepte signe recu reste part veulent
        fiche mise mis jour clos cloture tendue plusieurs reproche reproches resilier resiliation
        resilie geste commercial commerciale copie ton sec agacement effectue effectuee rembourse
        remboursement message laisse repondeur points point abordes delais garantie echange parle
        partir hausse juge insuffisant envoi traite traitee valide validee cours simple formalite
        entretien mecontent mecontente content contente satisfait satisfaite relance rappele
        joignable absent dossier ligne courriel adresse confirme confirmee annule annulee
        annulation livre livree retard attend attendre peut doit faut avons avez sommes suis ai
        font vont va vais cela ceci celui celle ceux lorsque quand comment pourquoi combien alors
        ensuite puis hier discussion conversation email ticket decision trimestre attendue
        attendu offre environ moins chere cher secondaire usage
    """,
    "de": """
        der die das den dem des ein eine einen einem einer eines und oder aber doch denn sondern
        dass ob wenn weil als wie was wer wo wann warum ich du er sie es wir ihr ihm ihn ihnen uns
        mich mir sich sein seine seinen seiner ihre ihren ihrem unser unsere unseren mit von zu zum
        zur bei beim nach aus auf fur uber unter vor seit bis durch gegen ohne um im am ins vom an
        ist sind war waren hat haben hatte hatten wird werden wurde kann konnen muss soll will
        mochte wollte nicht kein keine keinen keiner nie nichts noch schon auch nur sehr gut mehr
        wieder immer ganz alle alles dann jetzt heute morgen woche montag dienstag mittwoch
        donnerstag freitag nachste nachsten nachstes kunde kundin kunden bestellung rechnung
        lieferung angebot anruf ruckruf termin vertrag preis rabatt paket geschickt gesendet
        nochmal bitte danke frage fragen fragt mochte wunscht sagt meint findet gemeldet
        weitergeleitet besprochen vereinbart erledigt uhr tage tagen monat monaten jahr jahren
        zwei drei vier neue neuen neuer erste ersten herr herrn frau hr wg ca inkl laut sowie
        gesprach telefonisch erreicht zuruck angerufen anrufen zuruckrufen schicken klaren prufen
        passt geht kommt leider bereits etwas einmal mal diese dieser diesem dieses hier dort da
        in ins ans aufs ums furs per mail email adresse bestatigt wegen vorgang geschlossen offen
        zufrieden unzufrieden sauer verargert beschwerde reklamation ruft rief gerne gern jedoch
        trotzdem deshalb daher kurz kurzes lange spater fruher bald sofort gestern letzte letzten
        letzter wollen mussen sollte konnte worden geworden gemacht macht machen gibt gab geben
        nehmen genommen lauft laufen steht stehen liegt bleibt sieht sollen kam gekommen
        angekommen verschickt viel viele vielen lob ticket kontakt bevorzugt problem zweite
        zweiter zweiten
    """,
    "es": """
        el la los las lo un una unos unas y e o u pero sino que quien como cuando donde porque por
        para con sin sobre entre desde hasta hacia de del al a en es son era fue ser estar esta
        estan esto este eso ese esa hay ha han hemos tiene tienen tener hace hacer se le les me
        nos su sus mi mis nuestro nuestra yo ella ellos ellas usted no si muy mas menos ya tambien
        todavia aun nada nunca todo toda todos bien mal poco mucho muchos cliente clienta
        clientes pedido pedidos factura entrega envio llamada llama llamar semana lunes martes
        miercoles jueves viernes manana hoy proximo proxima quiere pide pidio pregunta dice
        enviado enviada correo reunion contrato precio descuento presupuesto equipo cuenta
        problema gracias seguimiento respuesta espera esperando dias mes meses ano anos dos tres
        cuatro nuevo nueva primer primera segunda vez sra sr tras segun hablamos queda porque
        algo ahora hablar hablo volver tiempo sigue siguiente pasado llego recibido seguimos
        contacto calidad nota toma dadas entrante saliente
        tono seco seca molestia plantea baja alta deja caer podria irse copia forma bastante
        brusca promete contar experiencia redes sociales temas tema uso plazos plazo garantia
        acuerdo principio renovar ambiente excelente decision prevista antes fin trimestre queja
        quejas reclamacion reclama devolucion reembolso enfadado enfadada contento contenta
        satisfecho satisfecha molesto molesta llamo datos direccion telefono movil cita ayer luego
        despues entonces aunque mientras cual cuales quiero puede pueden debe habia estaba estoy
        estamos sea sido tengo tenemos hizo dijo va van vamos ir ver dar dado otro otra otros
        mismo misma cada email ticket varios varias reproche reproches
    """,
    "it": """
        il lo gli la le un uno una di del della dei delle degli e ed che non per con su da dal
        dalla alla al in nel nella sono ha hanno essere questo questa anche molto piu ma se come
        ci si cliente vuole ordine consegna grazie tutto tutti chiamata preventivo entro settimana
        prossima perche gia ancora sempre mai niente fattura spedizione abbiamo siamo buongiorno
        oggi domani lunedi venerdi risposta richiesta problema questo quella dopo prima
    """,
    "nl": """
        de het een en van in op te dat die is niet met voor zijn er aan ook om maar als bij nog
        wel geen dan naar uit kan wil heeft hebben was waren worden wordt ik je jij hij zij ze wij
        we ons onze hun deze dit over tot door na klant bestelling levering factuur bedankt dank
        graag alles weer gebeld offerte volgend jaar week morgen vandaag goed slecht heel erg
        komt kwam moet zou gaat
    """,
    "pt": """
        o os a as um uma de do da dos das em no na nos nas e que nao com por para pelo pela se
        mais muito ja ainda tambem voce ele ela eles estamos esta sao foi ser estar tem ter
        cliente pedido pediu novo nova orcamento proxima semana entrega obrigado obrigada
        atendimento entao quando onde porque isso isto aqui hoje amanha chegou estava caixa
        ao aos num numa dele dela seu sua meu minha voces sim ate agora obrigada
    """,
    "sv": """
        och att det som en ett ar var har med for pa av till den inte jag vi de han hon vill mer
        om kan ska fran nar eller men sa vara hade blir kunden tack bestalla leveransen
    """,
    "pl": """
        i w z na nie jest sie to do ze o od po za jak ale czy tak juz klient bardzo jego jej oni
        my wy dla przez tylko jeszcze ktory zamowienie dostawa dziekuje
    """,
}

CHARS: dict[str, str] = {
    "ß": "de",
    "ä": "de",
    "ö": "de",
    "ü": "de",
    "ñ": "es",
    "¿": "es",
    "¡": "es",
    "á": "es",
    "í": "es",
    "ó": "es",
    "ú": "es",
    "ç": "fr",
    "œ": "fr",
    "è": "fr",
    "ê": "fr",
    "ë": "fr",
    "à": "fr",
    "â": "fr",
    "î": "fr",
    "ï": "fr",
    "ô": "fr",
    "ù": "fr",
    "û": "fr",
    "ã": "pt",
    "õ": "pt",
    "ì": "it",
    "ò": "it",
    "å": "sv",
    "ł": "pl",
    "ą": "pl",
    "ę": "pl",
    "ś": "pl",
    "ż": "pl",
}
"""Letters that point to one language (a hint, weaker than a word)."""

SUFFIXES: dict[str, str] = {
    "en": "ed ing ly ness ful ight ity ous",
    "fr": "ee ees eux euse aient ait ique iere eau eur eurs ais oir elle ette aine aux",
    "de": (
        "ung ungen keit heit lich isch chen ten ig iert ierte ierten ieren ommen ossen eben ieben"
        " schaft weise nahme fehler frage nummer kopie wert satz zeit kosten team"
    ),
    "es": (
        "cion ciones ado ada ados adas ido ida mente ando iendo dad arse erse irse arlo arla arle"
        " encia ancia isimo isima amos emos imos aron ieron aba aban"
    ),
    "it": "zione zioni ato ati etto",
    "pt": "cao coes oes",
    "nl": "lijk heid",
}
"""Word endings that point to a language, for words missing from the lists above."""
