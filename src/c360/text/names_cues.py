"""Context cues around a capitalised word that say "a person's name is here" (or is not).

Cues before a word are matched, lower-cased, against the text just before it on the same line
and must end where it starts; cues after a word must start where it ends. Written for CRM notes
in French, English, German and Spanish: contact verbs, accompaniment prepositions, form labels.
"""

import re
from functools import lru_cache

from c360.text.names_lexicon import JOB_WORDS, PARTICLES, UNIT_WORDS

_PARTICLE = "|".join(PARTICLES)

_END = r"[\s:—–-]*$"

# A cue strong enough that an unknown capitalised word after it is taken for a name.
_STRONG = [
    # English
    r"with|w/|cc|attn|met(?: with)?|saw|caught(?: up with)?|as per|according to",
    r"(?:spoke|talked|chatted|wrote|replied|explained|sent it|forwarded it|handed it|passed it|over"
    r"|back|handed over|passed on|went out)(?: over| on)? to",
    r"called|phoned|rang|emailed|e-mailed|texted|visited|reached|looped in|contacted|thanks from",
    r"(?:call|message|email|e-mail|mail|request|note|feedback|visit|complaint|enquiry|inquiry"
    r"|voicemail|text|referral|reply|letter)s?(?: \w+){0,2} (?:from|by|to|with)",
    r"(?:contact|client|customer|name|caller|requester|account holder|decision maker)",
    r"(?:web form|contact form|formulaire web|formulaire de contact|kontaktformular"
    r"|formulario web|formulario de contacto)(?: \w+){0,2}",
    # French
    r"avec|selon|d'après|d’après|de la part de|j'ai eu|j’ai eu|vu|croisé|rencontré|appelé|rappelé"
    r"|contacté|relancé|mis|cc",
    r"(?:appel|message|mail|courriel|demande|visite|passage|rappel|réclamation|retour|relance"
    r"|échange|rdv|rendez-vous|point|visio|chat|tel\.?)(?: \w+){0,3} (?:de|d'|d’|par|vers|avec)",
    r"(?:transféré|transmis|passé|envoyé|confié|expliqué|présenté|renvoyé|redirigé|remerciements)"
    r" (?:à|de)",
    r"(?:contact|client|cliente|interlocuteur|interlocutrice|nom|demandeur)",
    # German
    r"laut|lt\.|(?:gespräch|telefonat|rücksprache|chat|call|videocall|meeting|termin|treffen"
    r"|mailverkehr|austausch|abstimmung|tel\.|intern|gemeinsam|zusammen|kontakt|e-mail|mail)\w*"
    r" mit",
    r"(?:telefonier(?:t|te|ten)|gesprochen|sprachen?|geredet|gechattet) mit",
    r"(?:anruf|nachricht|anfrage|mail|e-mail|rückruf|besuch|beschwerde|rückmeldung|feedback)"
    r"(?: \w+){0,2} (?:von|bei|an)",
    r"(?:weitergeleitet|übergeben|geschickt|erklärt|gesendet|dank) an",
    r"(?:kontakt|kunde|kundin|ansprechpartner|ansprechpartnerin|anrufer|anruferin)",
    # Spanish
    r"con|según|de parte de|hablo con|he hablado con|hablé con|coincidimos con|llamo a|llamé a"
    r"|vi a|cc",
    r"(?:llamada|mensaje|correo|solicitud|visita|consulta|reclamación|queja|videollamada|chat)"
    r"(?: \w+){0,2} (?:de|a|por|con)",
    r"(?:metido|pasado|enviado|reenviado|explicado|transferido|derivado|remitido|gracias) a",
    r"(?:contacto|cliente|nombre|interlocutor|interlocutora|solicitante)",
    # Russian and Greek: "Клиент Иванов", "звонил Петров", "κάλεσε ο ...". Not "встреча с",
    # "звонок от", "με την": a company follows them as often as a person.
    r"клиент|клиентка|контактное лицо|(?:по|пере)?звонил[аи]?|со слов",
    r"πελάτης|πελάτισσα|(?:κάλεσε|τηλεφώνησε)(?: (?:ο|η))?",
]

# Prepositions that often, but not always, precede a person: need a known name too.
_WEAK = r"de|d'|d’|à|a|to|for|by|from|von|an|mit|für|bei|para|por|pour|par|chez|vers|et|and|und|y"

# German prepositions a person follows as often as a thing: a known surname in capitals after
# one is a name ("Paket von MÜLLER", "Gutschrift für SCHNEIDER"), unlike one after "et" or "and"
# ("Merci et BRAVO").
_PERSON_PREPOSITION = r"von|mit|für|bei"

STRONG_CUE = re.compile(r"(?:^|[\s(,;.])(?:" + "|".join(_STRONG) + ")" + _END)
WEAK_CUE = re.compile(r"(?:^|[\s(,;])(?:" + _WEAK + ")" + _END)
PERSON_PREPOSITION = re.compile(r"(?:^|[\s(,;])(?:" + _PERSON_PREPOSITION + ")" + _END)
# A contact noun opening the line: "Call Mehdi Huet — ...", "Anruf Busch, ...".
LINE_OPENER = re.compile(
    r"^\s*(?:call|appel|anruf|llamada|rdv|meeting|visio|chat|message|mensaje|nachricht)"
    r"(?: \w+){0,2}" + _END
)
# A greeting names whoever comes next, if the name then ends the phrase ("Hola Lorena,").
GREETING = re.compile(
    r"(?:^|[\s(,;])(?:dear|hello|hi|hey|bonjour|bonsoir|salut|cher|chère|hallo|liebe|lieber"
    r"|guten tag|guten morgen|guten abend|sehr geehrte|sehr geehrter|hola|estimado|estimada|querido"
    r"|querida|buenos días|buenas tardes|buenas noches|good morning|good afternoon|good evening"
    # Polish and Czech, whose greetings take the vocative: "Cześć Piotrze,", "Ahoj Pavle,"
    r"|cześć|witaj|witam|dzień dobry|ahoj|dobrý den|zdravím)"
    r"\s*$"
)
GREETING_END = re.compile(r"[ ]?(?:[,!:\n]|$)")
# A line that is a sign-off, lower-cased ("Best regards,", "Cordialement", "Viele Grüße",
# "Un saludo,"): a given name alone on the next line, or with a surname, signs the message.
SIGN_OFF_LINE = re.compile(
    r"[ \t]*(?:[-—–]+[ \t]*)?(?:(?:with|best|kind|kindest|warm|warmest|many|all the|very best)[ ])*"
    r"(?:regards|wishes|thanks(?: again| a lot)?|thank you(?: again| (?:very |so )?much)?|cheers"
    r"|best|love|ciao|greetings|rgds|sincerely|yours(?: sincerely| truly"
    r"| faithfully)?|take care|talk soon|speak soon|warmly|cordialement|bien cordialement"
    r"|bien à vous|(?:sincères |meilleures |bien sincères )?salutations|merci(?: beaucoup)?"
    r"|amicalement|bonne journée|à bientôt|bises|(?:viele|liebe|beste|freundliche|herzliche"
    r"|schöne|mit freundlichen|mit besten|mit herzlichen) gr(?:ü|ue)(?:ß|ss)en?|gr(?:ü|ue)(?:ß|ss)e"
    r"|gruß|gruss|mfg|lg|vg|danke(?: und gr(?:ü|ue)(?:ß|ss)e)?|vielen dank|saludos(?: cordiales)?"
    r"|un saludo|atentamente"
    r"|cordialmente|un abrazo|(?:muchas )?gracias|hasta pronto)[ \t]*[,.!]*[ \t]*"
)

# Contact verbs right after a word name it as the one who acted ("Haddad a rappelé").
POST_CUE_WORDS = (
    r"called|rang|phoned|emailed|e-mailed|texted|wrote"
    r"|replied|dropped by|came (?:in|by)|stopped by|popped in|got back|returned (?:my|our|the)"
    r"|is on the line|in cc|a (?:rappelé|appelé|écrit|répondu|téléphoné|envoyé)|est passée?"
    r"|rappelle|appelle|nous écrit|en copie|en cc|hat (?:angerufen|geschrieben|zurückgerufen)"
    r"|ruft|rief|meldet sich|schreibt|schrieb|telefonisch|war (?:im|in|bei)|auf der messe|im cc"
    r"|devuelve|llama|llamó|ha (?:llamado|escrito|contestado)|escribe|escribió|pasa por|se pasó"
    r"|contesta|en copia|(?:по|пере)?звонил[аи]?|написал[аи]?|ответил[аи]?|κάλεσε|τηλεφώνησε"
    r"|έγραψε|απάντησε"
)
POST_CUE = re.compile(rf"[ ]?(?:\(\s*[\w.+-]+@|(?:{POST_CUE_WORDS})\b)", re.IGNORECASE)
POST_CUE_REACH = 24
"""Characters after a word that `POST_CUE` reads where a letter follows it: a space, the longest
of `POST_CUE_WORDS` and the character after it (for the ``\\b``), with room to spare."""


def post_cue(text: str, end: int) -> bool:
    """True if a contact verb starts at `end`, after a space or not (`POST_CUE`).

    Every cue opens with "(" or a letter, so the regex runs only where one follows: most
    capitalised words end before punctuation, a line break or a number. Before a letter, the
    answer is remembered for the characters it depends on (`POST_CUE_REACH`): notes repeat
    them ("Renewal proposal sent"), and the case-blind regex is slow to fail.

    >>> post_cue("Haddad a rappelé.", 6), post_cue("Haddad, 2 jours.", 6)
    (True, False)
    """
    following = text[end + 1 : end + 2] if text[end : end + 1] == " " else text[end : end + 1]
    if following == "(":
        return POST_CUE.match(text, end) is not None
    return following.isalpha() and _cue_at_start(text[end : end + POST_CUE_REACH])


@lru_cache(maxsize=16384)
def _cue_at_start(window: str) -> bool:
    return POST_CUE.match(window) is not None


# After a word opening a sentence: an object pronoun or a finite verb of the kind notes report
# ("Ángel lo tiene que validar", "Claire nous a rappelé", "Will wants"). A noun or adjective
# there would take an article or a noun ("El ángel", "Luz verde"), so the word is a name.
SUBJECT_VERB = re.compile(
    r"[ ](?:(?:lo|la|le|les|los|las|nos|me|se|nous|lui|leur)[ ]\w|l['’]\w"
    r"|(?:quiere|prefiere|pide|necesita|confirma|acepta|dice|dijo|decide|tiene que|debe|valora"
    r"|aprecia|agradece|comenta|comentó|pregunta|preguntó|llamó|insiste|solicita|reclama|firmó"
    r"|da|dio|aprueba|aprobó|rechaza|rechazó|pidió"
    r"|veut|préfère|demande|confirme|accepte|valide|dit|doit|souhaite|va|apprécie|remercie"
    r"|signale|insiste|approuve|a (?:dit|confirmé|demandé|validé|accepté|préféré|appelé|rappelé"
    r"|signalé|donné|approuvé|refusé)"
    r"|wants|prefers|needs|asked|confirmed|accepted|agreed|said|says|decided|mentioned"
    r"|appreciates|values|thanked|requested|insists|complained|called|phoned|emailed|rang"
    r"|replied|wrote|returned|ordered|paid|visited|came|cancell?ed|bought|picked|signed|booked"
    r"|(?:will|would|can|could|should|might|must|needs to|has to|is going to)[ ](?!be\b)[a-z]+)"
    r"\b)"
)

# A model code after a word ("Sonivo 4K", "Nexiq X200"): letters and digits mixed, a product.
MODEL_CODE_AFTER = re.compile(r"[ ](?=[A-Z]*\d)(?=\d*[A-Z])[A-Z\d]{2,}\b")

# Words on the same line that make an unknown capitalised word a brand, product or competitor.
NOT_PERSON_CONTEXT = re.compile(
    r"\b(?:(?:concurren|competit|konkurren|wettbewerb|competencia|produ[ck]t|produit|producto"
    r"|model|problem|bestell|pedido|commande|panne|défaut|defekt|störung|avería|fallo)\w*"
    r"|brands?|marques?|marcas?|marken?|gamme|range|sortiment|gama|issues?|fault|orders?|ordered"
    r"|bought|purchased|acheté|commandé|gekauft|compró|comprado)\b"
)

# Lower-case surname particles just before a word ("Gespräch mit zur Mühlen").
LEAD_PARTICLES = re.compile(rf"(?<![\w'’])(?:(?:{_PARTICLE})[ ]|d['’])+$")

# A title just before a word, possibly with particles ("M. de La Roche", "Herrn vom Hofe").
TITLE_BEFORE = re.compile(
    r"(?:^|[\s(,;:'’])(?P<title>(?:Mr|Mrs|Ms|Mx|Dr|Prof|Mme|Mlle|Monsieur|Madame|Mademoiselle"
    r"|Herr|Herrn|Frau|Sr|Sra|Srta|Señor|Señora|Señorita|Don|Doña|Dña|Dª|Sir|Dame)\.?"
    r"|M\.|D\.|Fr\.|Hr\.|Hrn\."
    # Russian and Greek: "г-н Иванов", "г-жа Иванова", "κ. Παπαδόπουλος", "κα Νικολάου"
    r"|[Гг]-н|[Гг]-жа|[Гг]-ну|[Гг]-на|[Гг]-же|[Гг]-ном|[Гг]-жой|[Гг]н\.?|[Гг]жа\.?"
    r"|[Гг]осподин(?:[ау]|ом)?|[Гг]оспож(?:[аеиу]|ой)"
    r"|[κΚ]\.|[κΚ]ος|[κΚ]α|[κΚ]ύριος|[κΚ]υρία|[κΚ]ύριο|[κΚ]υρίου|[κΚ]υρίας"
    # Polish, Czech and Slovak, in their cases: "z panem Piotrem", "s paní Novákovou"
    r"|[Pp](?:an(?:a|u|em|ie|i|ią|e|iu|ej)?|aní|án(?:a|ovi|om)?|aňou)|[Ss]lečn(?:a|y|ě|u|ou|o)"
    # Croatian, Serbian, Bosnian and Slovene: "s gospođom Ivanom Horvat", "gđa Kovač"
    r"|[Gg](?:osp(?:od(?:in(?:a|u|om|e)?|a|u|om)?|ođ(?:ic)?(?:a|e|i|u|om|o)|a|e|o|ej|ejo)"
    r"|đ(?:ic)?(?:a|e|i|u|om))"
    # Ukrainian, and Serbian in Cyrillic: "з паном Іваном", "госпођа Петровић"
    r"|[Пп]ан(?:а|у|ом|е|і|ею)?|[Гг]оспођ(?:а|е|и|у|ом|о))"
    r"[ ]"
    rf"(?P<lead>(?:(?:{_PARTICLE})[ ]|d['’])*)$"
)
# A title written in capitals ("MR SMITH", "HERRN MÜLLER"), as titles above are not, maybe with
# surname particles in capitals ("MR VAN DYKE", "HERR VON BERG"): in capitals it may be an acronym
# too ("MS Teams", "DR site"), so a title only before a known name, or for the titles no acronym
# shares before a word no list holds (`Doc.takes_title`).
CAPITALS_TITLE_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?P<title>MR|MRS|MS|MX|DR|PROF|MME|MLLE|MONSIEUR|MADAME|HERR|HERRN|FRAU|SR|SRA"
    r"|SRTA|SEÑOR|SEÑORA)\.?[ ]"
    r"(?P<lead>(?:(?:DE|LA|LE|DEL|DELLA|DER|VAN|VON|VOM|ZUR|ZUM|DA|DI|DOS|DU|DES|TEN|TER)[ ])*)$"
)
# An article or a determiner right before a title: the title is a noun ("EINE FRAU RIEF AN", "LA
# SEÑORA LLAMÓ"), and only a known name after it a person's.
ARTICLE_BEFORE_TITLE = re.compile(
    r"(?:^|[\s(,;:])(?:the|a|an|this|that|our|your|le|la|une|un|cette|ce|der|die|das|den|dem|ein"
    r"|eine|einen|einem|einer|diese|dieser|diesen|el|una|uno|esta|este|esa|ese)[ ]$",
    re.IGNORECASE,
)
# A request to get in touch, or a preposition of company, before a title in capitals: a person
# follows ("PLEASE CALL DR HOPE TODAY", "SPOKE WITH MS GRACE", "RAPPELER DR ...").
CONTACT_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:call|ring|phone|email|e-mail|contact|with|rappeler|appeler|contacter|avec"
    r"|anrufen|mit|llamar(?: a)?|contactar(?: a)?|con)(?:[ ]back)?[ ]$",
    re.IGNORECASE,
)
# A request to get in touch written after the person, as German does ("HERRN OKAFOR ZURÜCKRUFEN").
CONTACT_AFTER = re.compile(
    r"[ ](?:anrufen|zurückrufen|kontaktieren|anschreiben|informieren|erreichen)\b", re.IGNORECASE
)
# A word for buying, maybe an article or a number, then a title in capitals: the title opens a
# brand ("Bought DR MARTENS boots", "commandé des DR MARTENS").
BOUGHT_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:bought|buys?|purchased|ordered|achet[ée]e?s?|command[ée]e?s?|gekauft"
    r"|bestellt|compró|comprad[oa]s?|pidió)(?:[ ](?:a|an|the|new|some|another|two|\d+|pairs?|of"
    r"|un|une|des|deux|ein|eine|einen|neue|zwei|una|unos|unas|dos|par|nuev[oa]s?))*[ ]\w+\.?[ ]$",
    re.IGNORECASE,
)
# Titles above that are also words of a language the notes are written in ("pan" is a frying
# pan, Spanish bread; "pana" corduroy; "pane" glass): in a note of that language no title.
TITLE_ALSO_A_WORD = frozenset({"pan", "pana", "pane", "pani", "panie"})

# Prepositions of Slavic languages that put the name after them in a case other than the
# nominative: "z Piotrem" (with), "od Anny" (from), "s Ivanom", "k Petrovi", "с Иваном".
# A declined known given name after one is a name (`names_declined`), and after "i", "и"
# (and), which keep the case ("s Ivanom i Jelenom"). Not "w", "v", "na", "в", "из": places
# follow those; nor Czech "pro", German's "pro Monat".
CASE_CUE = re.compile(
    r"(?:^|[\s(,;:])(?P<prep>z|ze|s|se|sa|od|do|dla|u|o|k|ke|ku|za|kod|przez|przy|při|prema|i"
    r"|с|со|от|для|у|к|ко|о|об|до|з|зі|із|від|и)[ ]$"
)
# Those of them that are words of English, French, German or Spanish too ("do", "o", "i").
CASE_CUE_ALSO_A_WORD = frozenset({"do", "o", "u", "i", "za", "se", "sa"})

# A word for a site or a part of an organisation (`UNIT_WORDS`) right after a word ("Warsaw
# office", "Lyon HQ"). Not after a dash: "Hartley – team lead" is a person and a role.
_UNIT = "(?:" + "|".join(sorted(UNIT_WORDS)) + "|büro)"
UNIT_AFTER = re.compile(rf"[ ]{_UNIT}\b", re.IGNORECASE)
# A job title a unit word opens, right after a word ("Okafor store manager", "Hartley sales rep").
JOB_TITLE_AFTER = re.compile(
    rf"[ ]{_UNIT}[ ](?:" + "|".join(sorted(JOB_WORDS)) + r")\b", re.IGNORECASE
)

# "The office of" at the end of a cue ("appel avec le bureau de", "llamada con oficina de"): the
# word after it is the site or its owner, so only a known name there is a person.
OFFICE_OF = re.compile(
    r"(?:^|\s)(?:bureau|agence|siège|oficina|sucursal|sede|delegación|büro|office|branch)"
    r" (?:de|d'|d’|del|von|of)" + _END
)

# Legal forms after a capitalised run mark it as a company ("Weber GmbH", "Garnier SA").
COMPANY_SUFFIX = re.compile(
    r"[ ,]*(?:GmbH|AG|KG|UG|SE|SA|SAS|SARL|SASU|EURL|S\.?L\.?U?|S\.?A\.?U?|Ltd|Limited|LLC|LLP"
    r"|PLC|plc|Inc|Corp|Co\b|& ?Co|Group|Groupe|Holding|e\.K|OHG|GbR|e\.V|KGaA|S\.p\.A|BV|NV"
    r"|Oy|AB|Cía|S\.? ?Coop)\b"
)

# Written right before a name and part of it: surname particles ("von der Heide", "de la
# Fuente"), "d'" ("d'Almeida") and "St." ("St. John", "ST. JOHN"), one piece each.
_NAME_PIECE = rf"(?:St|Ste|ST|STE)\.[ ]|d['’]|(?:{_PARTICLE})[ ]"
NAME_PIECE = re.compile(_NAME_PIECE)
NAME_PIECES_BEFORE = re.compile(rf"(?<![\w'’.-])(?:{_NAME_PIECE})+$")
# Bare "le" and "la" before a name are articles ("avec la Martin"), particles only between two
# words of one name ("Pierre le Goff").
ARTICLE_PIECES = frozenset({"le ", "la "})
# Where a clause starts: a particle there opens the name ("Engagement prolongé, d'Almeida ...").
CLAUSE_START = re.compile(r"(?:^|[.!?…:;,(\[/•*—–-])\s*$")

# A word opening a place's name, capitalised, right before a word ("San Francisco", "Los
# Angeles", "Port Elizabeth"): a given name after it is the place's. Not "St." or "Saint":
# "Olivia St. John" is a name.
PLACE_OPENER_BEFORE = re.compile(
    r"(?<![\w.'’-])(?:San|Santa|Santo|São|Sao|Los|Las|Fort|Port|Lake|Mount|Sankt)[ ]$"
)
# A word for a shop, an office or a branch and a preposition, in capitals ("TIENDA DE ",
# "BUREAU DE ", "OFFICE OF "): the word after it names the shop's place or the shop, as a sign
# or a heading writes it ("TIENDA DE LEÓN CERRADA").
SHOP_OF_CAPITALS = re.compile(
    r"(?:^|[\s(,;:])(?:TIENDA|OFICINA|SUCURSAL|ALMACÉN|DELEGACIÓN|SEDE|BUREAU|AGENCE|MAGASIN"
    r"|BOUTIQUE|SIÈGE|FILIALE|LADEN|GESCHÄFT|BÜRO|STORE|SHOP|OFFICE|BRANCH)[ ](?:DE|DEL|DU|DES"
    r"|VON|OF)[ ]$"
)
# A word in capitals and a comma or a colon opening a sentence: a label ("NOTE, ", "SALE: "),
# after which the next word opens the sentence.
LABEL_BEFORE = re.compile(r"(?:^|[.!?…•*]\s|^\s*[-—–]\s*)\s*(?P<label>[^\W\d_]{2,})[,:][ ]$")

# An article and a word for a product in French or Spanish, which write the model's name after
# it ("la robe Emma", "EL VESTIDO EMMA"): a given name right after it is the product's.
PRODUCT_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:(?:la|le|les|une?|cette|ce|el|los|las|una|uno|esta|este)[ ]|l['’])"
    r"(?:robes?|jupe|chemise|chemisier|veste|manteau|pull|sac|chaussures|bottes|baskets|matelas"
    r"|oreiller|couette|canapé|fauteuil|lampe|tapis|parfum|montre|bague|collier|lunettes|maillot"
    r"|collection|modèle|vestidos?|falda|camisa|blusa|chaqueta|abrigo|jersey|bolso|zapatos"
    r"|zapatillas|botas|colchón|almohada|edredón|sofá|sillón|lámpara|alfombra|perfume|reloj"
    r"|anillo|collar|gafas|bañador|colección|modelo)[ ]$",
    re.IGNORECASE,
)

# Labels a note's line opens with, capitalised or not ("Update: ", "Note: ", "FYI: "): the word
# after one opens the sentence.
STATUS_LABELS = frozenset(
    {"update", "updates", "note", "notes", "nb", "ps", "fyi", "status", "info", "reminder", "todo"}
    | {"news", "suivi", "rappel", "nota", "aviso", "hinweis", "notiz"}
)
# A word for how a person feels or fares after "is" ("is unhappy", "est ravie", "está contenta",
# "ist verärgert"): the word before it a person.
FEELING_AFTER = re.compile(
    r"[ ](?:is|was|seems|sounds|feels|remains|got|est|était|semble|reste|está|estaba|parece"
    r"|sigue|ist|war|scheint|wirkt)[ ](?:(?:very|really|so|quite|not|still|a bit|rather|extremely"
    r"|très|vraiment|pas|plutôt|assez|muy|bastante|algo|un poco|no|sehr|ziemlich|total|nicht"
    r"|etwas)[ ])?(?:unhappy|happy|delighted|thrilled|pleased|satisfied|dissatisfied|upset|angry"
    r"|annoyed|frustrated|fed up|disappointed|furious|worried|keen|relieved|grateful|impressed"
    r"|ravie?|contente?|mécontente?|déçue?|furieuse|furieux|satisfaite?|agacée?|énervée?"
    r"|inquiète?|inquiet|fâchée?|soulagée?|content[oa]|molest[oa]|enfadad[oa]|encantad[oa]"
    r"|satisfech[oa]|insatisfech[oa]|decepcionad[oa]|preocupad[oa]|furios[oa]|hart[oa]"
    r"|zufrieden|unzufrieden|verärgert|sauer|begeistert|enttäuscht|genervt|wütend|besorgt"
    r"|glücklich|unglücklich|erleichtert)\b",
    re.IGNORECASE,
)

# A verb in the past for what a person did, right after a word ("Emma a choisi", "María firmó"):
# not one a product's arrival takes ("a été livrée", "llegó roto").
DID_AFTER = re.compile(
    r"[ ](?:(?:a|avait|ont)[ ](?!été\b)[^\W\d_]+(?:é|i|u|is|it)e?s?|(?!llegó\b)[^\W\d_]+ó)\b",
    re.IGNORECASE,
)

# A verb of meeting or getting in touch right before a word, lower-cased ("met ", "spoke to ",
# "rappeler ", "llamé a ", "telefoniert mit "), or a noun for a call or a meeting and "with"
# ("call with ", "rdv avec ", "llamada con "): in a sentence in capitals a short given name or a
# word that may be a surname after it is a person's ("MET TOM AT THE STORE", "MET SULLIVAN AT
# THE STORE", "CALL WITH OKAFOR TODAY"), as after a name cue in mixed case ("Call with Okafor").
CONTACT_VERB_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:met(?: with)?|saw|called|phoned|rang|emailed|e-mailed|texted"
    r"|(?:spoke|talked|chatted) (?:to|with)|call|ring|phone|rencontré|vu|appelé|rappelé|appeler"
    r"|rappeler|contacté|relancé|llamé a|llamar a|hablé con|vi a|quedé con"
    r"|(?:(?:phone |video |conference )?call|meeting|chat|catch-up|conversation|appel|rdv|réunion"
    r"|visio|échange|entretien|(?:video)?llamada|reunión|charla|conversación)s? (?:with|avec|con)"
    r"|(?:telefonier(?:t|te|ten)|gesprochen|sprachen?|geredet|gechattet|telefonat|gespräch) mit)"
    r"[ ]$"
)
# Narrower cues than `STRONG_CUE`, for a word in capitals no list holds, in a sentence in
# capitals, where most words are no names ("CLIENT FURIEUX", "AVEC PLAISIR"). A word for the
# person right before it, lower-cased ("customer ", "kunde "), where a verb of contact follows
# the word ("CUSTOMER OKAFOR CALLED"); a message and "from" ("email from ", "appel de ", "anruf
# von "), where such a verb follows it or its line ends ("EMAIL FROM OKAFOR").
PERSON_NOUN_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:customer|client|cliente|caller|contact|contacto|kunde|kundin|anrufer"
    r"|anruferin)[ ]$"
)
MESSAGE_FROM_BEFORE = re.compile(
    r"(?:^|[\s(,;:])(?:(?:phone )?call|e-?mail|mail|message|voicemail|text|letter|note|appel"
    r"|courriel|anruf|nachricht|llamada|mensaje|correo)s? (?:from|de|von|por)[ ]$"
)
LINE_END = re.compile(r"[ \t]*[.!]?[ \t]*(?:\n|$)")
# German puts the verb last: "mit" before a word and a verb of talking, writing or agreeing
# after it ("MIT WEBER GESPROCHEN", "mit Tom telefoniert", "MIT TOM VEREINBART"), maybe after an
# adverb ("MIT OKONKWO KURZ TELEFONIERT"), make a cue as a verb before the word does.
MIT_BEFORE = re.compile(r"(?:^|[\s(,;])mit[ ]$")
TALKED_AFTER = re.compile(
    r"[ ](?:(?:kurz|heute|gestern|vorhin|eben|gerade|nochmal|nochmals|erneut|bereits|schon"
    r"|telefonisch|persönlich|ausführlich|lange|direkt|wieder|auch|zuletzt|soeben)[ ])?"
    r"(?:telefoniert|gesprochen|geredet|gechattet|geschrieben|abgesprochen|besprochen|vereinbart"
    r"|abgestimmt)\b",
    re.IGNORECASE,
)
