"""Word lists behind person-name detection, apart from given names (see `names_given`).

Written from general knowledge of French, English, German and Spanish naming and CRM writing,
not from any generator. Entries are accent- and case-folded (see `names.fold`): "Jose" matches
"José", "Muller" matches "Müller", so one spelling per word is enough.
"""

from c360.text.names_given import GIVEN_NAMES

FIRST_NAMES = GIVEN_NAMES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SURNAMES = """
adam andre arnaud aubert barbier baron barre benard benoit bernard berthelot bertin besson blanc
blanchard boucher bouvier boyer breton brun brunet caron carpentier carre charpentier chauvin
chevalier clement colin collet cordier cousin da-silva daniel david deschamps devaux dubois dufour
duhamel dumas dumont dupont dupuis durand duval etienne fabre faure fleury fontaine fournier
francois gaillard garnier gauthier gautier gay gerard gilles girard giraud guerin guichard
guillaume guillot guyot hamon henry hoarau hubert huet jacob jacquet joly julien klein lacroix
lambert laurent le-gall lebon leclerc leclercq lefebvre lefevre legrand lemaire lemoine leroux
leroy lucas maillard marchand marechal marie martin martinez masson mathieu menard mercier meunier
meyer michel millet moreau morel morin moulin muller nicolas noel olivier paris payet perrin petit
philippe picard pierre poirier poulain prevost renard renaud rey richard riviere robert robin roche
rolland rousseau roussel roux royer schmitt simon tessier thomas vidal vincent benali benamar
belkacem bouzid brahimi cherif hamidi khelifi meziane saidi smith johnson williams brown jones
garcia miller davis wilson anderson taylor moore jackson lee thompson white harris clark lewis
robinson walker young allen king wright scott green baker adams nelson hill campbell mitchell
roberts carter phillips evans turner torres parker collins edwards stewart morris murphy cook
rogers morgan cooper peterson reed bailey bell kelly howard ward cox richardson wood watson brooks
bennett gray james hughes price sanders patel walsh jenkins perry powell long foster butler barnes
fisher henderson coleman simmons patterson jordan reynolds hamilton graham wallace west cole hayes
gibson ellis stevens murray ford marshall owens harrison fernandez mcdonald macdonald woods
washington kennedy wells hunt black palmer robertson holmes mills grant knight ferguson rose stone
hawkins dunn perkins hudson spencer gardner stephens payne pierce berry matthews arnold wagner
willis ray watkins olson carroll duncan snyder hart cunningham bradley lane andrews ruiz harper fox
riley armstrong carpenter weaver greene lawrence elliott chavez sims austin peters kelley franklin
lawson fields ryan schmidt carr vasquez castillo wheeler chapman oliver montgomery richards
williamson johnston banks bishop mccoy howell morrison hansen harvey little burton stanley nguyen
george jacobs reid fuller lynch dean gilbert garrett romero welch larson frazier burke hanson day
mendoza moreno bowman medina fowler brewer hoffman carlson silva pearson holland douglas fleming
jensen vargas byrd davidson hopkins may terry herrera wade soto walters curtis neal caldwell lowe
jennings barnett graves jimenez horton shelton barrett obrien o'brien o'connor oconnor o'neill
o'sullivan kaur singh khan ahmed hussain ali shah begum clarke byrne doyle kavanagh quinn mccarthy
mclean mackenzie mcgregor fraser sinclair schneider fischer weber becker schulz hoffmann schafer
koch bauer richter wolf schroder neumann schwarz zimmermann braun kruger hofmann hartmann lange
werner schmitz krause meier lehmann schmid schulze maier kohler herrmann konig walter mayer huber
kaiser fuchs lang scholz moller weiss jung hahn schubert vogel friedrich keller gunther frank
berger winkler roth beck lorenz baumann franke albrecht schuster ludwig bohm winter kraus sullivan
schumacher kramer vogt stein jager otto sommer gross seidel heinrich brandt haas schreiber graf
schulte dietrich ziegler kuhn kuhl pohl engel horn busch bergmann voigt sauer wolff pfeiffer
lindner hubner seifert ebert thiel thiele wendt bottcher haase brinkmann frey bohme fiedler voss
hoppe dietz lindemann baier pietsch arndt wirth schramm moser beyer gotz ullrich engelhardt
steiner gerlach schumann naumann kessler vollmer unger kunz jahn bruckner schroter reinhardt
hildebrandt ackermann wittmann kretschmer yilmaz
kaya demir sahin celik yildiz ozturk aydin arslan dogan rodriguez gonzalez lopez sanchez perez
gomez hernandez diaz munoz alvarez alonso gutierrez navarro dominguez vazquez ramos gil ramirez
serrano blanco molina morales suarez ortega delgado castro ortiz rubio marin sanz iglesias nunez
garrido cortes santos lozano guerrero cano prieto mendez cruz calvo gallego leon marquez pena
flores cabrera campos vega fuentes carrasco diez caballero reyes nieto aguilar pascual santana
herrero lorenzo montero hidalgo gimenez ibanez ferrer duran santiago benitez mora vicente arias
carmona crespo roman pastor saez velasco moya soler parra esteban bravo gallardo rojas pardo merino
franco espinosa izquierdo lara rivas rivera casado camacho arroyo redondo vera otero aguirre
nowak kowalski kowalska wisniewski wisniewska wojcik kowalczyk kaminski kaminska lewandowski
lewandowska zielinski zielinska szymanski wozniak dabrowski kozlowski jankowski mazur
kwiatkowski krawczyk piotrowski grabowski nowakowski pawlowski michalski adamczyk dudek zajac
wieczorek jablonski krol majewski olszewski jaworski wrobel malinowski pawlak witkowski walczak
stepien gorski rutkowski michalak sikora ostrowski szewczyk tomaszewski pietrzak marciniak
zalewski jakubowski zawadzki sadowski chmielewski wlodarczyk czarnecki sawicki kubiak
novak novakova svoboda svobodova novotny novotna dvorak dvorakova cerny cerna prochazka
prochazkova kucera kucerova vesely horak nemec pokorny pospisil hajek jelinek ruzicka benes
sedlacek dolezal navratil cermak blazek kriz kopecky konecny stepanek kadlec soukup sykora
nagy kovacs toth szabo horvath varga molnar nemeth farkas balogh papp takacs juhasz meszaros
szilagyi torok lukacs fodor szalai sipos gulyas biro kiraly katona fazekas kelemen
popescu ionescu popa stoica munteanu ciobanu rusu lazar florea dinu nistor moldovan barbu
lupu cristea dobre serban neagu dragomir voicu ionita
horvat kovacevic babic maric juric kovacic knezevic vukovic markovic petrovic matic tomic
pavlovic bozic blazevic grgic radic peric jovanovic nikolic ilic djordjevic stojanovic popovic
zivkovic todorovic stankovic ristic lukic kostic mitrovic savic
ivanov ivanova petrov petrova georgiev dimitrov nikolov smirnov kuznetsov sokolov volkov
fedorov morozov novikov pavlov kozlov lebedev orlov andreev makarov shevchenko kovalenko
bondarenko tkachenko kravchenko melnyk boyko
kazlauskas jankauskas petrauskas stankevicius vasiliauskas paulauskas kavaliauskas berzins
kalnins ozolins jansons tamm saar sepp kask kukk rebane korhonen virtanen makinen nieminen
makela hamalainen heikkinen koskinen jarvinen lehtonen saarinen salminen
papadopoulos papadopoulou georgiou nikolaou dimitriou ioannou konstantinou christodoulou
papageorgiou economou
jansen janssen visser smit meijer bakker mulder dekker brouwer dijkstra vermeulen
silva ferreira pereira oliveira rodrigues martins sousa fernandes goncalves gomes lopes
marques alves almeida ribeiro pinto carvalho teixeira moreira correia mendes nunes soares
vieira monteiro cardoso rocha coelho cunha pires simoes antunes matos fonseca machado araujo
barbosa tavares lourenco figueiredo azevedo
rossi russo esposito bianchi romano colombo ricci marino greco gallo conti mancini giordano
rizzo lombardi moretti barbieri santoro mariani rinaldi caruso galli leone gentile martinelli
vitale lombardo coppola marchetti parisi ferraro fabbri pellegrini palumbo cattaneo morelli
amato silvestri
иванов иванова петров петрова смирнов смирнова кузнецов кузнецова соколов попов попова
волков лебедев козлов новиков морозов павлов федоров шевченко коваленко бондаренко ткаченко
кравченко мельник сидоренко
tran pham huynh phan dang bui ngo duong truong dinh trinh luong
παπαδοπουλος παπαδοπουλου νικολαου γεωργιου δημητριου ιωαννου κωνσταντινου παπαγεωργιου
"""

# Germany, Austria and German-speaking Switzerland, beyond those above: the most frequent
# surnames of each, North German and Frisian ones in -sen ("Petersen", "Sönnichsen") and
# spellings without umlauts ("Mueller", "Schroeder"). Those that are also common nouns or
# adjectives ("Nagel", "Zimmer", "Stark") are in `AMBIGUOUS` too; some are left out ("Mann",
# "Link", "Ihnen", "Lassen").
_GERMAN_SURNAMES = """
adler aebi ahlers ahrens aigner albers albertsen ammann amstutz andersen andresen asmussen auer
bach bachmann bader bahnsen barth bartsch bartschi baum baumgartner bayer beckmann behrendt behrens
bender berg berndt bertschi bichler bieri binder bischof bischoff blank blaser blum bock bode boehm
boehme boettcher bohmer bosshard bottger boysen brand brandes brandstatter brandstetter brauer
brenner brodersen bruhn bruhns brunner bruns bucher buchner buhler burger burkhalter burri busse
carstens carstensen christen christensen christiansen clausen claussen decker dethlefsen detlefsen
dietze dittmer dittrich doppler dorr dreher dreier drescher dreyer dubach eberhardt ebner ecker
eckert eder egger eggers egli ehlers ehrhardt ehrlich eichberger eichinger eilers engelmann evers
fankhauser feddersen feichtinger fellner fink fleck fleischer fluckiger foerster forster frahm frei
frenzel frerichs fricke friedl friedrichs friedrichsen fritsch fritzsche frohlich fuhrmann funk
gaertner gartner gasser gebhardt geiger geissler gerber gerdes gerken gfeller gisler gobel
godbersen goebel goetz goldmann gosch gottschalk grabner greiner grimm grob grossmann gruber
gschwandtner guenther gut haack haag hackl hafliger hagemann hagen haider haller hamann hammer
hammerschmidt hanke hanni hansmann harder harms hartung hauck haupt hauser heck hefti heim hein
heine heinemann heinze heller hellmann hellwig hempel henke hennig hentschel herbst hertel herzog
hess hesse heyen hildebrand hinrichs hinrichsen hinsch hinterberger hinz hirsch hochreiter hodel
hofbauer hofer hoffmeister hofstatter hohmann hohne holzer holzmann horstmann hostettler hoyer
huebner hug hummel hunziker hurlimann hurzeler hutter ihde imhof ipsen iseli iversen jackel jacobi
jacobsen jaeger jahnke jakobsen janke jenni jepsen jessen johannsen johnsen junker jurgens
jurgensen kahl kahler kainz kalin kaltenbach karner kaser kastner kaufmann kehl keil kellner kempf
kern ketelsen kiefer kiel kienle kirchhoff kirchmair kirchner kirsch klemm klinger klose klotz
kluge knapp knecht knoop knorr knudsen kobel kock koehler koenig koester kofler kogler kolb kolbe
koller kopp korner koster kraemer kraft kranz krauss krebs kroll krueger krug kruse kuehn kuehne
kuhlmann kuhne kuhnel kummer kung kunze kurth kurz lackner lamprecht langer lanz laubli lauer
lauterbach lechleitner lechner lehner leitner lemke lenz leuenberger locher loeffler loffler
lohmann lorenzen luders luedemann luedtke luhr luiken luscher lustenberger luthi lutz lux maas
maass mack mahler mair marquardt martens martensen marx matthes matthies matthiesen maurer mayr
mayrhofer meinhardt meinke meissner meister melzer menke menzel merkel merten mertens metzger
meurer mewes michaelis michels mielke minder moeller mohr moll mommsen momsen mosimann mueller muff
muhlbauer naf nagel neubauer neubert nickel nickelsen niederberger niehaus nielsen niemann nissen
nitsche nitschke noack nolte nommensen nussbaum nussbaumer oberhuber obermayr oertel oetken
ohlendorf ohlsen oltmanns onken oppermann ortner ostermann ott otte pape paulsen paulus petersen
petri petzold pfaff pfeffer pfeifer pichler pieper pilz pirker plath platzer pohlmann popp portmann
posch preuss prinz probst raab rabe rademacher rasmussen rathjen rauch rauscher rehm reich reichert
reimann reimers reinke reiss reiter renner resch reuter rickers rieck riecken riedel rieder riedl
rieger riemer ritter roesler rohde rohrer rohwer rosch rosler rosner rothe rudolph ruegg ruf
rufenacht runge rupp ruppert rutimann ryser sachs sagesser sailer sander sattler sauter schaaf
schachner schacht schade schaefer schaller schaper scheffler schenk scherrer schick schiefer
schiller schilling schindler schlatter schlegel schlosser schluter schmieder schmutz schnell
schnyder schober scholl schonenberger schonfeld schott schrader schreiner schrodel schroeder
schuetz schuhmacher schuler schultz schurch schutte schutz schutze schwab schwabe schwaiger
schwarze schwarzer schwarzkopf schwarzl schweizer seeger seidl seidler seiler seitz siebert
siegrist siemers sievers sigrist singer sommerfeld sonksen sonnichsen sorensen specht sperling
spies sporri springer stadler stahl stahli stalder stangl stark stauffer steffens steinbach
steinbauer steinert steinmetz stettler stocker stoger stoll stoltenberg stolz strasser strauch
strauss strobel strobl stucki studer stumpf sturm sturzenegger stuven suhr suter sutter tams tanner
teichmann thaler thalmann thede thieme thiessen thomsen thurm tiedemann tietz tischler tobler
trachsel trautmann trummer uhlig uphoff vetter vieth vogl vogler wacker wagener wagenknecht walcher
waldvogel wallner walther warnecke wegmann wegner weibel weidemann weidner weigel weinberger wendel
wendler wenger westphal wetzel wichmann widmer wiedemann wiegand wieland wiese wieser wiesinger
wiesner wilde wilke wilken wilms windisch winkelmann wirz witt wittig wittke wittwer wohlgemuth
wohlk wolfram wolter wolters wulf wulff wurgler wurm wuthrich wyss zach zahn zander zaugg zauner
zbinden zech zehnder zeller ziemer zimmer zimmerli zochling zoller zollinger zuber zumstein zurcher
zwahlen
"""

SURNAMES = _words(_SURNAMES + _GERMAN_SURNAMES)

# Names that are also months, places, brands or capitalised nouns: a name only with support
# (a surname after it, a title or cue before it, a contact verb after it, an earlier mention).
AMBIGUOUS = _words(
    """
    april may june august jan paris florence austin jordan georgia victoria chelsea sydney madison
    dallas lourdes mercedes aurora sierra otto marine olive ernst kai jade india china
    sommer winter wolf koch engel vogel fuchs stein horn busch graf jung lang lange klein gross
    kaiser konig schwarz weiss braun roth bauer keller kraus ludwig long price white green king
    young hill wood bell reed gray grey brown page cook day rose stone banks fields hunt black ford
    grant lane cole west little ray berry bishop dean fox wells woods mills hart knight gay petit
    blanc brun noel carre baron roche ion tudor роман софия
    adler bach bader baum bayer berg binder bischof blank bock brand brauer brenner bucher burger
    busse christen dreher dreier ehrlich fink fleck frei funk gartner grob gut hagen hammer harder
    hartung hauser heck heim heller herbst herzog hirsch holzer hug hummel kahl kellner kern kiefer
    kiel klotz kluge knapp knecht knorr korner kraft kranz krebs krug kummer kurz langer locher lux
    meister metzger milan minder muff nagel nickel nussbaum pfeffer pilz prinz rabe rauch reich
    reiter renner ritter ruf schacht schade schick schiefer schilling schlosser schmutz schnell
    schott schreiner schuler schutz schutze schwabe schwarze schwarzer schweizer singer sperling
    springer stahl stark steinmetz stolz strauch strauss stumpf sturm tischler trummer vetter
    wacker wiese wilde wolfram wurm zahn zimmer zurcher
    """
)

# Given names that are also months, in `AMBIGUOUS` and no given-name list: a name right before a
# known surname ("MAY JONES", "June Smith"). April and August are German months too, which German
# notes write before any capitalised noun ("ab April Rabatt"): in German no names.
MONTH_NAMES = _words("april may june august")
GERMAN_MONTHS = _words("april august")

# Given names that are ordinary lower-case words: a name anywhere but at a sentence start, where
# they need the same support as `AMBIGUOUS`.
WORDLIKE = _words(
    """
    will bill mark frank grant hope faith joy grace rose ruby amber summer dawn guy art pat sol
    mar paz dolores pilar consuelo rosa angel jesus salvador constance prudence fleur blanche
    victoire iris pearl violet violette claire aurore dominique felicidad remedios nieves luz alba
    blanca estrella paloma reyes trinidad esperanza concepcion asuncion pascal patience can
    violeta lore else traute grit viola jasmin mira jolie reiner till lasse bent nick beat reto
    engin вера надежда
    """
)

# Common nouns that headings, e-mail subjects and marketing copy capitalise after a given name
# that is also a word ("Summer Sale", "Grace Period", "Hope Springs"): no surname then, and the
# pair no name without other support. Not nouns that are surnames too: "Will Power", "Faith
# Hill", "Rosa Parks" are people as often.
HEADING_NOUNS = _words(
    """
    sale deal deals offer offers discount discounts savings special specials bargain bargains
    clearance promo voucher vouchers coupon coupons gift gifts bonus reward rewards points range
    essentials favourites favorites picks arrivals launch preview drop release bundle bundles
    pack box kit season seasons time times period break breaks getaway escape holiday holidays
    vacation weekend week weeks days night nights hours event events party festival fest
    countdown style styles trends look looks vibes mood feeling glow shine blooms flowers colours
    colors shades news newsletter update updates guide tips garden gardens station street
    road avenue square springs spring market show fair club lounge bar cafe shop store fashion
    alert alerts wedding weddings anniversary programme programmes program programs scheme
    schemes campaign campaigns appeal award awards ceremony celebration package packages
    experience experiences menu card cards membership tier
    """
)

# Words for a product, a garment, a show, a drink or a place's feature, written after a brand or
# a place named after a person ("EMMA MATTRESS", "RALPH LAUREN POLO", "DIANA ROSS TICKETS",
# "MARGARET RIVER WINE"): after a given name in capitals, no surname, and the name the product's.
# Not the frequent words of a note language ("HAT", "BOOK", "TICKET", German "FALLS").
PRODUCT_NOUNS = _words(
    """
    mattress mattresses pillow pillows duvet sofa sofas couch chair chairs lamp lamps rug rugs
    blanket blankets towel towels cushion cushions bed beds
    dress dresses gown shirt shirts blouse polo polos jeans jacket jackets coat coats skirt skirts
    sweater sweaters jumper jumpers hoodie hoodies cardigan trousers pants shorts suit suits blazer
    boots boot shoes shoe sneakers trainers sandals heels loafers bag bags handbag handbags tote
    wallet belt belts scarf scarves hats cap caps gloves socks watch watches perfume perfumes
    fragrance fragrances cologne lingerie bra bras swimsuit bikini sunglasses underwear
    tickets musical musicals concert concerts tour album albums movie film books vinyl
    river valley creek bay island beach harbour harbor
    wine wines beer gin vodka whisky whiskey coffee chocolate
    size sizes sizing chart edition collection model models
    matratze kleid kleider hemd jacke tasche schuhe
    """
)

# Known given names that are also everyday words, places or brands of the note languages
# ("Jack", "Penny", "Lance", "Père", "Luna", "Lorraine", "German"), beside those in `WORDLIKE`,
# `AMBIGUOUS` and `MONTH_NAMES`: written in capitals, where nothing shows a name's capital, no
# name on their own ("AUDIO JACK BROKEN", "LE PÈRE DU CLIENT", "LA LUNA DE MIEL").
GIVEN_ALSO_WORDS = _words(
    """
    jack penny holly heather hazel daisy poppy willow rowan carol lance angus dale glen marina
    lily jasmine rosemary norma troy chester stella tiffany lorraine adelaide virginia carolina
    charlotte regina german norman christian said della jean nina fanny matt chad nancy valentine
    aime aimee romain romane maxime prosper serge roger clemence oceane capucine ambre germain
    clementine pere ravi
    luna gloria diana soledad milagros amparo rocio candela margarita dalia azucena lila rosario
    montserrat angeles inmaculada modesto maximo encarnacion purificacion cesar nacho neus roser
    oriol clara marco timo alma angustias gema isla linda tara dana florencia
    malte kasper solange hanno
    """
)

# Words notes written in capitals put after a name for what is to be done or was sent ("MR PETER
# REVIEW", "MRS MARY SIGN"), or after "DR" (disaster recovery: "DR PLAN"): no surname there.
TASK_WORDS = _words(
    """
    review reviews approve approval sign signature visit visits follow followup demo quote quotes
    offer proposal contract renewal feedback report request reply answer confirm check callback
    ring text chase remind reminder escalate escalation action actions todo pending urgent asap
    plan plans drill failover backup exercise strategy policy runbook region environment
    devis relance rappeler valider signer envoyer suivi rappel
    prufen pruefen freigabe angebot ruckruf zuruckrufen anrufen termin unterschrift
    revisar aprobar firmar presupuesto llamar seguimiento
    """
)

# Words a verb of meeting or getting in touch takes that name no person, in the singular: what is
# met, people named by their role, a department, a phone line, a place, a carrier or a platform
# ("MET DEADLINE", "CALLED COURIER", "SPOKE TO LEGAL", "CALLED LANDLINE", "APPELÉ AGENCE",
# "EMAILED PAYPAL"): after such a verb in capitals no surname.
CONTACT_OBJECTS = _words(
    """
    deadline target expectation goal budget quota demand requirement criteria milestone kpi
    everyone everybody someone somebody nobody anyone anybody friend colleague partner buyer
    customer client supplier vendor courier driver boss owner neighbour neighbor family legal
    logistics finance accounting procurement billing payroll security reception traffic delay
    issue problem resistance home outside twice santa account
    cell mobile landline switchboard voicemail hotline helpdesk carrier doorbell warehouse
    boutique magasin agence livreur transporteur entrepot standard vendeur vendeuse gerant
    conseiller conseillere banque assurance tienda almacen gerente encargado encargada
    transportista repartidor mensajero oficina sucursal centralita banco jefe jefa dependiente
    fedex dhl ups gls dpd hermes chronopost colissimo correos seur amazon ebay paypal google apple
    microsoft stripe klarna evri yodel parcelforce tnt usps mrw nacex
    damage scratch dent stain photo picture image screenshot receipt invoice label code
    link quote form halfway summary notes recap update details order parcel package delivery
    return refund stock price offer discount voucher coupon
    """
)

# Functions a title and an article name in French and Spanish ("Mme la directrice", "M. le
# maire", "la Sra. directora"): after "LE" or "LA", in capitals, no surname ("MME LE BIHAN" is).
FUNCTION_NOUNS = _words(
    """
    directeur directrice president presidente maire gerant gerante responsable comptable docteur
    professeur ministre juge notaire avocat avocate commissaire secretaire adjoint adjointe chef
    patron patronne proprietaire conseiller conseillere vendeur vendeuse technicien technicienne
    depute deputee senateur prefet cure directora presidenta gerente doctora abogado abogada
    """
)

# Products "MS" (Microsoft) names: after "MS" they are no person's name, and "MS" no title
# ("Call with MS Teams", "MS Office licence").
MS_PRODUCTS = _words(
    """
    teams office word excel outlook sharepoint dynamics azure access project visio onenote
    powerpoint onedrive exchange windows edge publisher forms planner intune defender entra sql
    server bing copilot viva yammer lync skype navision nav paint store surface flow power graph
    bookings stream sway lists loop purview fabric authenticator
    """
)

# Titles that introduce a person; the name follows them and is not part of them.
HONORIFICS = _words(
    """
    mr mrs ms miss mx dr prof sir dame mme mlle monsieur madame mademoiselle herr herrn frau sr sra
    srta senor senora senorita don dona dna hr hrn fr
    господин господина господину господином госпожа госпоже госпожи госпожу госпожои
    κος κα κυριος κυρια κυριο κυριου κυριας
    pani pania panem panu panie panej panovi panom paniu panou slecna slecny slecne slecnu
    slecnou slecno gospodin gospodina gospodinu gospodinom gospodine gospoda gospode gospodi
    gospodu gospodom gospodo gospodica gospodice gospodici gospodicu gospodicom gda gde gdi gdu
    gdom gdica gdice gdici gdicu gdicom gospod gospa gospe gospo gospej gospejo пану паном пані
    панею
    """
)

# Lower-case particles inside a surname ("Hugo de la Cruz", "Herrn vom Hofe"), longest first.
PARTICLES = (
    "de la", "de las", "de los", "van der", "van den", "von der", "von dem", "de", "del", "della",
    "di", "da", "dos", "du", "des", "van", "von", "vom", "zu", "zur", "zum", "ten", "ter", "le",
    "la",
)  # fmt: skip

# Capitalised words that never name a person: calendar words, pronouns, articles, greetings,
# and the everyday nouns of CRM writing.
NOT_NAMES = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march october
    november december lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril
    mai juin juillet aout septembre octobre novembre decembre montag dienstag mittwoch donnerstag
    freitag samstag sonntag januar februar marz juni juli oktober dezember lunes martes miercoles
    jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre
    octubre noviembre diciembre the this that these those our your their his her its we you they
    he she it le la les un une des ce cette ces nous vous ils elle elles der die das ein eine wir
    sie er es el los las una nosotros ellos ellas usted team equipe equipo support service customer
    customers client clients cliente clientes kunde kunden kundin hello hi dear bonjour salut cher
    chere hallo liebe lieber hola estimado estimada regards thanks merci danke gracias ticket order
    commande pedido bestellung invoice facture factura rechnung ok tel email mail phone mobile
    contact account manager sales valued all everyone madam colleagues friends call appel anruf
    llamada chat meeting note notes cc re fu fyi rdv mails emails calls orders feb apr jun jul aug
    sep sept oct nov dec janv fevr avr juil dec ene abr ago dic mrz okt dez
    finance procurement legal accounting purchasing it hr marketing logistics management board
    direction comptabilite compta achats juridique logistique commercial technique einkauf
    buchhaltung technik vertrieb geschaftsfuhrung geschaftsleitung rechtsabteilung personalabteilung
    hotline kollegen kollege kollegin messe vertrag contabilidad compras direccion juridico
    administracion soporte almacen finanzas gerencia filiale niederlassung zweigstelle zentrale
    abteilung standort buro care success relations operations
    клиент клиентка клиенты заказчик πελατης πελατισσα πελατες
    an in im am auf bei mit von vom zum zur fur nach und oder aber wenn als wie to for with and but
    if as at on by from per au aux avec pour par sur dans en et ou mais si al con para por pero sin
    segun
    """
)

# Words that mark a capitalised run as an organisation or a product rather than a person.
ORG_WORDS = _words(
    """
    gmbh ag kg ug sa sas sarl sasu eurl sl slu sau ltd limited llc llp plc inc corp co company
    group groupe holding bank banque banco sparkasse versicherung assurances seguros telecom
    airlines hotel services solutions systems technologies consulting partners trading logistics
    industries international premium pro plus max mini ultra lite edition series classic vintage
    heritage deluxe standard basic sport original collection essential signature select active
    software media energy energie digital data tech labs studio design foods motors retail capital
    ventures health pharma transport cargo freight fracht maison casa haus
    """
)

# Sites and parts of an organisation. Right after a word no list holds, they make it a place or
# a company, not a person ("Call with Warsaw office", "Berlin team"); German joins them with a
# hyphen ("Warschau-Team").
UNIT_WORDS = _words(
    """
    office offices team teams branch branches store stores shop shops department departments
    dept hq headquarters site sites plant factory warehouse depot agency outlet showroom
    subsidiary division hub campus centre center desk staff crew location franchise support
    helpdesk sales buro filiale niederlassung zweigstelle zentrale abteilung standort lager werk
    """
)

# Jobs a unit word opens ("store manager", "sales rep", "team lead"): the word before such a
# title is as often the person holding it as a place or a firm ("Spoke with Okafor store
# manager").
JOB_WORDS = _words(
    """
    manager lead leader head director rep representative agent assistant associate supervisor
    coordinator officer clerk engineer specialist executive owner admin administrator analyst
    technician consultant advisor adviser
    """
)

# Local parts of role mailboxes, never a person's name.
ROLE_MAILBOXES = _words(
    """
    info contact contacto kontakt sales vente ventes ventas vertrieb support soporte service
    servicio admin hello hola bonjour team equipe equipo office bureau oficina buero billing
    factures facturacion rechnung noreply no-reply newsletter marketing jobs press presse compta
    accounts accounting
    """
)
