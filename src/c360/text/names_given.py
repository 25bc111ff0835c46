"""Common given names in France, the UK and US, Germany, Spain and their neighbours.

Written from general knowledge (civil-registry top lists across generations, including names
of families of North African, Turkish and South Asian origin, Catalan and Basque names, and the
rest of Europe: Central and Eastern, the Baltic, the Nordic countries, Greece), accent-folded and
lower-case (see `names_words.fold`: "Łukasz" is "lukasz", "Сергей" is "сергеи", "Γιώργος" is
"γιωργος"). Names that are also everyday words or places ("Milan", "Roman") are listed in
`names_lexicon.AMBIGUOUS` or `WORDLIKE` too; words that are rarely anything but a word are left
out ("Per", "Edit", "Joke").

The nicknames and short forms identity matching reads (`c360.identity.nicknames`: "Steph",
"Juanjo", "Steffi", "Archibald") are given names here too, read from there, but for those in
`NAMES_ALSO_WORDS`.
"""

from c360.identity.nicknames import FORMS

_FRENCH = """
adele adelaide adrien agathe agnes aime aimee alain alban albane albert alexandre alexandra alexis
alice aline alix allan amandine amaury ambre amelie anais anatole andre andree angelique angele
anne annabelle anne-marie anne-sophie annick annie anthony antoine antonin apolline ariane arielle
arlette armand armelle arnaud arthur astrid audrey augustin aurelie aurelien aurore axel axelle
baptiste barbara bastien beatrice benedicte benjamin benoit berenice bernadette bernard bertrand
blandine brice brigitte bruno camille capucine carine carole caroline cassandre catherine cecile
cedric celestin celia celine chantal charles charlene charlotte chloe christelle christian
christiane christine christophe claire clara clarisse claude claudine clement clementine clemence
clotilde colette coline coralie corentin corinne cyril cyrille damien daniel daniele danielle david
delphine denis denise didier dimitri dominique dorian edith edmond edouard elisabeth eliane elise
eloise elodie eloi emeline emile emilie emma emmanuel emmanuelle enzo eric ernest estelle ethan
etienne eugene eugenie eva evelyne fabien fabienne fabrice fanny faustine felix fernand fernande
flavie florence florent florian francis francine franck francois francoise frederic frederique
gabin gabriel gabrielle gael gaelle gaetan gaston gauthier genevieve geoffrey georges georgette
gerald gerard geraldine germain ghislain ghislaine gilbert gilberte gilles gisele gregoire gregory
guillaume guy guylaine gwenael gwendoline helene henri henriette herve hortense hubert hugues hugo
ines irene isabelle jacqueline jacques jean jean-baptiste jean-claude jean-francois jean-luc
jean-marc jean-michel jean-paul jean-pierre jeanne jeannine jeremie jeremy jerome jessica joel
joelle jonathan jordan joseph josephine josette josiane jules julia julie julien juliette justin
justine karine kevin laetitia lea leandre leo leon leonard leonie leopold liliane lina lionel lisa
loic lola lorraine lou louis louise luc lucas lucie lucien lucienne lucile ludovic lydie madeleine
maelle maelys manon marc marcel marcelle margaux marguerite marianne marie marie-claire
marie-christine marie-france marie-helene marie-laure marie-pierre marine marion marius marthe
martine mathias mathieu mathilde mathis matthieu maud maurice maxence maxime mael melanie melissa
michel micheline michele mickael mireille monique morgane muriel myriam nadege nadine nathan
nathalie nicolas nicole ninon noel noemie nolan oceane odette odile olivier oriane paul paule
paulette pauline pascal pascale patrice patricia patrick perrine philippe pierre pierre-yves
prosper quentin rachel raphael raphaelle raymond raymonde regine regis remi renaud rene renee
robert rodolphe roger roland romain romane romeo rosalie roselyne sabine sacha salome samuel
sandrine sarah sebastien serge severine simon simone solange solene sophie stephane stephanie
suzanne sylvain sylvaine sylvie tanguy thais theo theophile therese thibaud thibault thierry thomas
timothee tiphaine tristan valentin valentine valerie vanessa veronique victor victoire vincent
violette virginie xavier yann yannick yolande yves yvette yvonne zoe abdel abdelkader abderrahmane
adel ahmed aicha ali amel amina amine anissa ayoub bilal djamel farid fatima fatiha hakim hamid
hassan hichem ibrahim ilyes imane jamel kader kamel karim khadija leila lila malik mehdi mohamed
mohammed mounir mourad nabil nadia naima nassim nora omar rachid rayan redouane riad rachida said
salim samia samir sami sofiane soraya sonia walid yacine yasmine youssef yanis zineb zohra laure
laurence laurent lucille adrienne albertine ernestine julienne noelle pierrette yvon
"""

_ENGLISH = """
aaron abby abigail ada adam adrian aidan aileen ailsa alan alana alastair albert alec alex
alexander alexandra alexis alfie alfred ali alice alicia alison alistair allan allison alma alvin
amanda amber amelia amy andrea andrew andy angela angus anita ann anna annabel anne annette annie
anthony antonia archie arlene arnold arthur ashley audrey austin ava avery barbara barry beatrice
becky belinda ben benjamin bernard bernice beth bethany betty beverley beverly bianca billy blake
bobby bonnie brad bradley brandon brenda brendan brett brian bridget brittany brooke bruce bryan
caitlin caleb callum calvin cameron carl carla carly carmel carol caroline carolyn carrie casey
cassandra catherine cathy cecilia chad charlene charles charlie charlotte chelsea cheryl chester
chloe chris christian christina christine christopher ciaran claire clara clarence claudia clifford
clive colin conor connor constance corey courtney craig curtis cynthia daisy dale damian damien
dana daniel danielle danny darren darryl dave david dean deborah debbie declan deirdre della denise
dennis derek dermot desmond diana diane dianne dominic donald donna doreen doris dorothy douglas
duncan dustin dylan eamon edgar edith edward edwin eileen elaine eleanor elijah eliza elizabeth
ella ellen ellie elliot elliott eloise elsie emily emma eoin eric erica erin ernest esther ethan
eugene eunice evan eve evelyn fergus finlay finn fiona florence frances francis freddie frederick
freya gail gareth gary gavin gemma geoffrey george georgia georgina gerald geraldine gerard gillian
gladys glen glenn gloria gordon graeme graham grant greg gregory gwen gwendolyn hamish hannah
harold harriet harrison harry harvey hazel heather hector heidi helen henry herbert hilary holly
howard hugh hugo iain ian imogen irene isaac isabel isabella isabelle isla isobel ivan jack jackie
jackson jacob jacqueline jade jake james jamie jane janet janice jared jasmine jason jay jayden
jean jeff jeffrey jenna jennifer jenny jeremy jerome jerry jesse jessica jill jim jimmy joan joanna
joanne jocelyn jodie joe joel john johnny jonathan jordan joseph josephine josh joshua joyce judith
judy julia julian julie justin kaitlyn karen kate katelyn katherine kathleen kathryn kathy katie
katrina kay kayla keith kelly kelsey ken kenneth kerry kevin kieran kim kimberly kirsty kristen
kurt kyle lachlan lance larry laura lauren laurence leah lee leigh leo leon leonard leslie lewis
liam lilian lillian lily linda lindsay lindsey lisa logan lois lorna lorraine louis louise lucas
lucy luke lydia lynn lynne mabel mackenzie madeleine madison maeve maggie malcolm mandy marcus
margaret margot maria marian marie marilyn marion marjorie marsha martha martin marvin mary matilda
matt matthew maureen maurice max maxine megan melanie melissa melvin meredith mia michael micheal
michele michelle mildred millie miranda molly monica morgan muriel murray nancy naomi natalie
natasha nathan nathaniel neil nellie niall nicholas nicola nicole nigel noah noel nora norah norma
norman oliver olivia oscar owen paige pamela patricia patrick paul paula pauline pearl peggy
penelope penny percy peter philip phillip phoebe phyllis piers poppy priscilla rachel ralph randall
randy ray raymond rebecca regina reginald rhys richard rick ricky rita rob robert roberta robin
rodney roger ronald ronnie rory rosalind rosemary ross rowan roy ruby rupert russell ruth ryan
sally samantha samuel sandra sara sarah scarlett scott sean seamus shane shannon sharon sheila
shelby shirley sidney simon siobhan sophia sophie spencer stacey stanley stella stephanie stephen
steve steven stewart stuart susan suzanne sydney sylvia tabitha tamara tammy tanya tara ted teresa
terence terry tessa theo theodore theresa thomas tiffany timothy tina toby todd tom tommy tony
tracey tracy travis trevor tristan troy tyler una ursula valerie vanessa vera veronica vicky victor
victoria vincent violet virginia vivian wanda warren wayne wendy wesley william willow winifred
yvonne zachary zoe aarav anil anjali arjun deepak divya gita kiran lakshmi meera mohan neha nikhil
pooja prakash priya rahul raj rajesh ravi rohan sanjay sanjeev shreya sunil sunita vijay vikram
henrietta ivy faye
"""

_GERMAN = """
achim adolf agnes albrecht alexander alexandra alfons alfred alina alois amelie andrea andreas
angela angelika anita anja anke anna annalena anne annegret anneliese annemarie annette annika
antje anton arne armin arnold astrid axel barbara bastian beate benedikt benjamin bernd bernhard
berta bettina bianca birgit bjorn bodo brigitte britta bruno burkhard carina carla carola carolin
caroline carsten charlotte christa christel christian christiane christina christine christoph
claudia clemens constanze cornelia dagmar daniel daniela david dennis detlef diana dieter dietmar
dirk dominik doris dorothea edith egon elfriede elias elisabeth elke ella elmar emil emilia emma
erich erika ernst erwin esther eva ewald fabian falk felix finn florian frank franz franziska
frauke frida friederike friedrich fritz gabriele georg gerald gerd gerda gerhard gerlinde gernot
gertrud gisela gottfried greta gudrun guido gunter gunther hanna hannah hannelore hans hans-jurgen
hans-peter harald hartmut hedwig heidi heike heiko heinrich heinz helena helene helga helge helmut
hendrik henning henrik herbert hermann hildegard holger horst hubert ida ilona ilse ina inge
ingeborg ingo ingrid irene iris irmgard isabel jakob jan jana janina jannik janik jens jessica
joachim jochen johann johanna johannes jonas jonathan jorg josef julia julian juliane julius jurgen
jutta kai karin karl karl-heinz karola karsten katharina kathrin katja katrin kerstin kevin klara
klaus konrad kristina kurt lara lars laura lea lena lennart leon leonie lina linus lisa lothar
lotte louisa luca ludwig luise lukas luisa magdalena maik malte manfred manuel manuela marcel marco
marcus margarete margit margot maria marianne marie marie-luise mario marion mark markus marlene
martha martin martina marvin mathias matthias max maximilian melanie mia michael michaela mirko
miriam monika moritz nadine nadja natalie nico nicole niklas nils nina noah norbert olaf ole oliver
oskar otto pascal patrick paul paula peter petra philipp pia rainer ralf ralph rebecca regina
reinhard reinhold renate rene richard robert robin roland rolf ronja rosemarie rudi rudiger rudolf
ruth sabine sabrina sandra sara sarah sascha sebastian siegfried silke simon simone sofia sonja
sophia sophie stefan stefanie steffen stephan susanne sven svenja swen tanja theo theresa thomas
thorsten tilo tim timo tobias tom torben torsten udo ulf ulla ulrich ulrike ursula uta ute uwe
valentin vanessa vera viktor viktoria volker waltraud walter werner wilfried wilhelm willi wolfgang
yannick yvonne ahmet ali aylin ayse burak can cem derya elif emine emre esra fatih fatma hakan
hatice huseyin ibrahim kemal mehmet murat mustafa ozlem osman sevgi serkan tolga yusuf zeynep dorte
heidrun gesine wiebke imke maren kirsten meike hauke birte gunda hiltrud roswitha edeltraud
irmtraud adelheid brunhilde gretel liesel annelie sieglinde
"""

# Germany, Austria and German-speaking Switzerland across generations: the civil registries' top
# names from the 1920s to the 2010s (women's, then men's), their everyday short forms ("Uschi",
# "Sepp") and spellings without umlauts ("Juergen", "Baerbel").
_GERMAN_GENERATIONS = """
alessia almut almuth aloisia amira anett anika annelies annelore annett anni ayla baerbel barbel
cacilia cacilie carlotta celina christin cindy conny doerte dora dorle edda edelgard elfi elfie
elli elly elsbeth else emmi emmy erdmute erna evi finja frieda friedel gabi gaby genoveva gerti
gertraud gertraude gesa gesche gisa gitta grete grit gundula gunhild hailey hannelies hanni hedda
hedi hedy heidemarie helgard helma hermine herta hertha hilde ilka inka insa irma irmela
irmhild isabell isolde jasmin joleen jolie jolina jorinde josefine jule juna kaethe kaja karina
karla kathe kathi kati kira kornelia kreszenz kristin larissa leana lene leni lenia lenja leona
leopoldine lia liesbeth lieselotte lili lilia lilli lilly lilo linn liselotte liv lore lotta luana
magda maike maja malia mara mareike marga margarethe margitta margret margrit marita marlen marlies
marliese marlis mathilda mechthild mechtild melina merle mila milena mira moni nela nele notburga
ortrud ortrun ottilie paulina resi ricarda rieke romy rosel rosi rosina rosmarie rotraud rotraut
saskia selina sibylle sigrun sina sindy smilla susann susi svea swantje sybille thalea thea
theresia tilda traudl traute trude ursel uschi verena viola vivien vroni walburga waltraut waltrud
wencke wenke wibke wilhelmine wilma wiltrud yasmin ylvi
adalbert alwin arnd arndt arno balthasar benno bent berthold birger bjarne bjoern burkhardt caspar
claus dankwart detlev dietrich eberhard eckart eckehard eckhard eckhardt edmund eduard egbert
ekkehard elia emanuel engelbert enno erdmann erhard erhardt eugen ferdinand fiete frederik frerk
friedbert friedemann friedhelm fynn gebhard gero gerold gerrit gert gisbert goetz gotthard gottlieb
gotz gregor guenter guenther gunnar gustav hagen hannes hanno hansi hansjoerg hansjorg hansjuergen
hansjurgen hanspeter hartwig hasso heiner heino helmar helmuth heribert herwig hilmar hinnerk
hinrich hubertus ignaz ilias immanuel ingolf jannes jannick jannis jaron jasper joerg joern jona
jonah jonte jorn jost juergen jupp kalle karlheinz kaspar keno kian kilian korbinian kuno lasse
laurin lennox lenny leonhard levi levin lias lorenz luan ludger lutz marlon matheo mattis meinhard
mika mike milan milo momme nick nicklas niclas niko nikolaus ortwin oswald otmar ottmar quirin
raimund reimund reiner reinhart rochus ronny ruediger sandro sepp severin siegbert siegmund sigmar
sigmund silas silvio soenke soeren sonke tamino theodor thilo thore till tillmann tilman timm timon
tino tjark toni torge uli ulli valentino veit vinzenz vitus volkmar waldemar walther wendelin
wenzel wigbert willibald willy winfried wolfram xaver yannik zeno
"""

# Swiss German and Romansh names ("Urs", "Reto", "Flurina").
_SWISS = """
andrin annina beat cyrill debora flavio flurin flurina franzi fredi gian gion hansruedi hansueli
juerg jurg kobi ladina leandra livia livio lotti luzius margrith mauro mischa noemi priska rahel
rebekka regula remo renato reto ruedi seline seraina sereina silvan simea tabea trudi ueli urs
vreni
"""

# Names of families of Turkish origin in Germany and Austria, beside those in `_GERMAN`.
_TURKISH = """
baris bulent busra cengiz cihan deniz dilek ebru enes engin ercan erdal erkan erol ersin ferhat
filiz furkan gokhan gul gulay halil harun hasan hulya ilker ismail kaan kerem koray kubra levent
melek merve meryem mesut metin muhammed nihat nurcan okan omer onur orhan ozan ramazan recep selim
selin serdar serpil sevim sibel sinan songul tarkan tayfun tugba tuncay turgay ufuk umut volkan
yakup yasemin yasin yavuz yunus zafer
"""

_SPANISH = """
abel abril adela adolfo adrian adriana agustin agustina aina ainhoa aitana aitor alba alberto
alejandra alejandro alexia alfonso alfredo alicia almudena alvaro amaia amalia amparo ana anabel
andrea andres angel angela angeles angustias anna antonia antonio araceli arantxa arnau arturo
asier asuncion aurora azucena beatriz begona benito benjamin berta blanca borja bruno candela
carina carla carles carlos carmen carmina carolina casimiro catalina cayetana cayetano celia cesar
clara claudia concepcion consuelo cristian cristina cristobal dalia damian daniel daniela dario
david diana diego dolores domingo edgar eduardo elena elisa eloy elvira emilia emilio emma
encarnacion enrique ernesto esperanza esteban estefania ester esther eugenia eulalia eva fabiola
facundo federico felipe felix fermin fernanda fernando fidel florencia francisca francisco gabriel
gabriela garazi gema gerardo german gilberto gloria gonzalo gorka gregorio guadalupe guillermo
gustavo hector helena hernan hilario horacio hugo ibai ignacio igor iker imanol ines inigo inma
inmaculada irene iria iris isaac isabel isidro ismael itziar ivan izaskun jacinto jaime javier
jesus jimena joan joaquin joel jon jordi jorge jose josefa josefina josep juan juana julia julian
julio laia lara laura leire leonor leopoldo leticia lidia lola lorena lorenzo lourdes lucas lucia
luciano luis luisa luna macarena magdalena maite manuel manuela marc marcela marcelo marcos
margarita maria mariana mariano marina mario marisa marisol marta martin martina mateo matias
maximo mercedes micaela miguel mikel milagros mireia miriam modesto moises montserrat nacho natalia
nerea nicolas noelia nora nuria octavio olga oriol oscar pablo paco paloma paola patricia pau paula
pedro pepe pilar purificacion quim rafael ramiro ramon raquel raul rebeca remedios ricardo rita
roberto rocio rodrigo rogelio rosa rosalia rosario ruben salvador samuel sandra santiago sara
sebastian sergio silvia sofia soledad sonia susana teodoro teresa tomas trinidad unai valentin
valentina valeria vanesa vicenta vicente victor victoria virginia xavier xabier ximena yolanda zoe
inaki aritz eneko gaizka joseba josu koldo xabi ane irati maialen naiara nahia uxue ibon julen
aimar oier jaume pere marti guillem biel nil pol montse merce roser carme ona queralt neus
juliana belen
"""

_OTHER = """
alessandro alessandra andrea antonio beatrice chiara davide elena enrico federica federico
francesca francesco gianluca giorgio giovanna giovanni giulia giulio giuseppe lorenzo luca marco
matteo paolo roberta roberto silvia simone stefano valentina vittoria joao jose-maria ana-maria
maria-jose goncalo rui tiago ines joana duarte agnieszka anna katarzyna krzysztof magdalena marek
marta michal monika piotr tomasz wojciech bram daan jeroen lieke maarten pieter sanne sven wouter
anders bjorn erik henrik ingrid karin lars magnus mats nils sigrid ulf
"""

# Polish, Czech and Slovak, Hungarian, Romanian, South Slavic (Croatian, Serbian, Bosnian,
# Slovene), Bulgarian, Russian and Ukrainian in Latin letters.
_CENTRAL_EASTERN = """
adam adrian agata aleksander aleksandra alicja amelia andrzej aneta antoni arkadiusz artur
bartosz bartlomiej beata bogdan boguslaw bozena czeslaw danuta dariusz dawid dominika dorota
edyta elzbieta ewa ewelina filip grazyna grzegorz halina henryk irena iwona izabela jadwiga
jakub janina janusz jaroslaw jerzy jolanta jozef justyna kacper kamil kamila karol karolina
kazimierz kinga klaudia krystian krystyna leszek lukasz maciej malgorzata mariusz marzena
mateusz marcin mikolaj miroslaw natalia oliwia patryk patrycja pawel przemyslaw radoslaw rafal
renata ryszard sebastian slawomir stanislaw sylwia szymon tadeusz urszula weronika wieslaw
wiktor wiktoria witold zbigniew zdzislaw zofia zuzanna xawery
ales barbora bohumil bozena dagmar eliska frantisek hana ivana jaroslav jaroslava jiri jitka
josef karel katerina klara kristyna ladislav lenka libor lubos ludmila lucie marketa michaela
miloslav miroslav ondrej pavel pavla petr radek radka sarka stanislav tereza vaclav veronika
vladimir vlasta vojtech zdenek zdenka zuzana jana alena iveta blanka anezka adela vera
akos andras aniko attila balazs bela bence boglarka csaba csilla dezso edina emese eniko
erzsebet eszter ferenc fanni gabor gabriella geza gergely gizella gyorgy gyula hajnalka ibolya
ildiko imre istvan janos jozsef judit karoly katalin krisztian krisztina lajos laszlo levente
lilla magdolna melinda mihaly miklos orsolya piroska reka sandor szabolcs szilvia tamas tibor
timea zoltan zsofia zsolt zsuzsa zsuzsanna
alexandru anca andreea aurel aurelia bogdana camelia catalin claudiu constantin corina cosmin
costel cristian doina dorin dragos dumitru ecaterina emil florentina florin gheorghe georgeta
horia ilie ioan ioana ion ionut iulia iulian iuliana lavinia liviu loredana lucian luminita
madalina marian mihaela mihai mihail mircea nicolae nicoleta oana ovidiu petru radu raluca
ramona razvan rodica roxana sergiu simona sorin stefan traian tudor valentin vasile violeta
viorel viorica
alen almir amela amra biljana bojan branka branko damir danijela darko davor dejan dijana
dragan dragana drazen dusan edin emina goran gordana haris hrvoje iva ivo jasmina jelena josip
jovana kresimir lejla ljiljana luka marko matej milica milos mirjana mladen natasa nemanja
nenad nikolina sanja selma senad sinisa slobodan snjezana tatjana tihomir tomislav uros vesna
vuk zeljko zlatko zoran anja blaz nika spela tjasa urska ziga
atanas boyan desislava dimitar gergana georgi hristo kalina krasimir lyubomir nikolay petar
plamen ralitsa stoyan svetla todor tsvetelina vasil veselina yordan yordanka
aleksandr aleksei aleksey alexei anastasia anastasiya andrei andrey andriy anton artem bohdan
daria darya denis dmitri dmitry dmytro ekaterina evgeny galina halyna ilya inna irina iryna
kateryna khrystyna kirill konstantin ksenia kseniya larisa lyudmila lyudmyla maxim mikhail
mykhailo mykola nadezhda nadiya natalya nataliya nikolai oksana oleg olena oleksandr oleksiy
olga pavlo petro polina ruslan serhiy sergei sergey svetlana svitlana taras tatiana tatyana
tetiana timur vadim valentyna valery vasyl viktoria vitaly vladislav volodymyr vyacheslav
yana yaroslav yekaterina yelena yevgeny yulia yuliya yuri yuriy yury zoya
"""

# The Baltic and Nordic countries, the Netherlands and Flanders, Ireland, Italy, Portugal and
# Greece (in Latin letters).
_NORTH_AND_SOUTH = """
agne algirdas andrius antanas asta audrius ausra daiva darius egle giedrius gintare gintaras
ieva jolanta jonas jurgita kestutis mantas mindaugas paulius petras rasa rimantas saulius
vilma vytautas aivars andris baiba dace edgars ilze inese janis juris karlis kristine
maris martins peteris raimonds sanita aivar andres jaan kadri katlin kristiina liis margus
merike peeter piret siim tiit toomas triin urmas aino antti eero eija heikki heli janne jari
juha jukka kaisa leena markku marja matti merja mikko minna outi paivi pekka petri pirjo riitta
sanna sari satu sirpa tiina timo tuomas tuula ville
anette asa bjorn birgitta ebba elin elsa freja fredrik goran hakan hanne inger jesper
jorgen kasper kjell knut leif linnea lisbeth mads mette mikael mikkel morten olav rasmus siv
solveig soren torbjorn tove trine
anouk annemieke bart eline femke floris geert gijs henk hidde joost joris kees koen lotte
marieke marloes mirjam niels piet rik ruud sander sjoerd stijn teun thijs wim
aisling aoife cathal caoimhe cian ciara clodagh colm cormac darragh diarmuid donal eimear
eoghan fionn fionnuala grainne niamh oisin orla padraig roisin ronan ruairi saoirse sinead
tadhg
alberto alessio angelo antonella arianna benedetta camilla carlo claudio dario domenico
edoardo elisa emanuele fabio fabrizio filippo gabriele giacomo giada gianni ginevra giorgia
ilaria leonardo letizia manuela marcello massimo mattia maurizio michele nicola paola pietro
raffaele riccardo salvatore serena tommaso valerio vincenzo
afonso andre antonio beatriz catarina claudia diogo fabio fatima filipa goncalo helena
joaquim leonor luis madalena margarida mariana martim matilde nuno patricia paulo sergio vitor
aikaterini angeliki athanasios christos despina dimitra dimitrios dimitris eirini eleni
evangelos georgios giannis giorgos ioannis katerina konstantinos kostas nikolaos nikos
panagiota panagiotis paraskevi spyridon spyros stavros thanasis theodora vasileios vasiliki
vasilis yannis
"""

# Vietnamese given and middle names (the family name comes first: "Nguyễn Thị Hương"), not
# those that are European words or abbreviations too ("Long", "Hung", "Mai", "Hai", "Thu").
_VIETNAMESE = """
anh bao binh chau cuong diep duc giang hanh hien hieu hoa hoang huong huu huy khanh khoa
linh minh nga ngan ngoc nhat nhung oanh phuc phuong quang quynh thanh thang thao thi thuy
tien trang trung tuan tuyet uyen vinh xuan
"""

# In their own alphabets: Russian, Ukrainian and Bulgarian; Greek.
_CYRILLIC_AND_GREEK = """
александр александра алексеи алина алла анастасия анатолии андреи анна антон антонина артем
богдан борис вадим валентин валентина валерии валерия василии василь виктор виктория виталии
владимир володимир вячеслав галина геннадии георги георгии григории дарья даниил денис
димитър дмитрии дмитро евгении евгения егор екатерина елена елизавета жанна зоя иван игорь
илья инна иордан ирина карина катерина кирилл константин красимир кристина ксения лариса
леонид лидия людмила максим маргарита марина мария микола михаил михаило наталия наталья
никита николаи нина оксана олег олександр олексии олена олеся ольга павел петр петро петър
пламен полина роман руслан светлана світлана сергеи сергии софия станислав степан стоян
тарас татьяна тетяна тимур тодор федор христо юлия юлія юрии яна ярослав ірина
αγγελικη αγγελος αθανασιος αικατερινη αλεξανδρος αναστασια ανδρεας αννα αντωνης βαγγελης
βασιλειος βασιλης βασιλικη γεωργια γεωργιος γιαννης γιωργος δημητρα δημητρης δημητριος
ελενη ευαγγελια ευαγγελος θανασης θεοδωρα θεοδωρος θοδωρης ιωαννα ιωαννης κατερινα
κωνσταντινα κωνσταντινος κωστας μανωλης μαρια μιχαηλ μιχαλης νικολαος νικος παναγιωτα
παναγιωτης πετρος σπυριδων σπυρος σταυρος στελιος φωτεινη χριστινα χρηστος
"""

# Names of identity's lists (nicknames, short forms, the words identity also takes for given
# names) that are no given name here. Those `names_lexicon` lists as words (`WORDLIKE`,
# `AMBIGUOUS`: "Will", "Grace", "May") are names there with support; the others are words of a
# note language, German nouns, garments, brands, places or abbreviations first ("Autumn Sale",
# "Crystal glasses", "Hunter boots", "die Lupe", "ron y ginebra", "Cash ISA", "Val Thorens").
_ALSO_WORDS = """
    april bill dawn faith grace hope joy june may pat rose summer will
    al ed em hp jo kh
    ale ant autumn barb cal cat chuck crystal dick drew fer gab hunter kitty mason mat math
    melody memo patty pip poncho puri rich sole teddy val
    bene caro coco colas ela elle fina gaga jeje jette jul mal mamie mani marge mecha meche mich
    mon nono ron tilde tono vero
    abi dom gabe lupe toto
    alberta barbie batiste becks don geo ger isa ludo maxi nat skye
"""
NAMES_ALSO_WORDS = frozenset(_ALSO_WORDS.split())

# One-word nicknames and short forms of identity's table ("anne so", "mari carmen" are their
# words, each listed or not on its own).
_NICKNAMES = frozenset(name for name in FORMS if " " not in name) - NAMES_ALSO_WORDS

GIVEN_NAMES = frozenset(
    (_FRENCH + _ENGLISH + _GERMAN + _GERMAN_GENERATIONS + _SWISS + _TURKISH + _SPANISH + _OTHER
     + _CENTRAL_EASTERN + _NORTH_AND_SOUTH + _VIETNAMESE + _CYRILLIC_AND_GREEK).split()
) | _NICKNAMES  # fmt: skip
