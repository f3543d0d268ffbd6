"""A fixed relevance test set: short guidance documents and judged queries in fi, sv and en.

Queries use the forms counsellors type: inflected words, compounds split or joined differently
from the document, plurals, other derivations. Each query lists the documents that answer it.
"""

# slug: (title, summary, body)
FINNISH_DOCUMENTS = {
    "elamanjana": (
        "Elämänjana",
        "Asiakas piirtää elämänsä tärkeät tapahtumat janalle.",
        "Menetelmä auttaa hahmottamaan, miten aiemmat valinnat ja käännekohdat ovat muovanneet "
        "uraa. Sopii yksilöohjaukseen aikuisille.",
    ),
    "motivoiva": (
        "Motivoiva haastattelu",
        "Keskustelutapa, joka vahvistaa asiakkaan omaa muutosmotivaatiota.",
        "Ohjaaja käyttää avoimia kysymyksiä, heijastavaa kuuntelua ja yhteenvetoja. Soveltuu "
        "päihde- ja työllisyyspalveluihin.",
    ),
    "ryhmaohjaus": (
        "Ryhmäohjauksen aloitusharjoitukset",
        "Tutustumisharjoituksia ryhmän ensimmäiseen tapaamiseen.",
        "Harjoitukset luovat turvallisen ilmapiirin ja auttavat ryhmäläisiä tutustumaan toisiinsa.",
    ),
    "tyonhaku": (
        "Työnhaun suunnitelma",
        "Pohja, jolla asiakas suunnittelee viikoittaisen työnhakunsa.",
        "Lomakkeeseen kirjataan haettavat paikat, verkostot ja hakemusten määräajat.",
    ),
    "cv": (
        "Ansioluettelon laatiminen",
        "Ohje hyvän CV:n kirjoittamiseen.",
        "Ansioluetteloon kootaan koulutus, työkokemus ja osaaminen selkeässä järjestyksessä. "
        "Mallipohja liitteenä.",
    ),
    "osaamiskartoitus": (
        "Osaamisen tunnistaminen",
        "Harjoitus, jolla aikuinen tunnistaa arjessa ja työssä kertynyttä osaamistaan.",
        "Asiakas listaa tehtävät, joista on suoriutunut, ja muuttaa ne osaamiskuvauksiksi.",
    ),
    "nivelvaihe": (
        "Nuorten nivelvaiheen ohjaus",
        "Peruskoulun päättävien nuorten siirtymä toiselle asteelle.",
        "Opinto-ohjaaja tukee jatko-opintojen valinnassa yhteistyössä huoltajien kanssa.",
    ),
    "maahanmuuttajat": (
        "Maahanmuuttajien kotoutumista tukeva ohjaus",
        "Kielitietoinen ohjaus kotoutumiskoulutuksessa.",
        "Selkokieli, kuvat ja tulkkaus helpottavat palvelujärjestelmän ymmärtämistä.",
    ),
    "etaohjaus": (
        "Etäohjauksen hyvät käytännöt",
        "Videoyhteydellä toteutettavan ohjauksen vinkit.",
        "Sovi tietoturvallinen yhteys, varmista äänen laatu ja kerro asiakkaalle tallentamisesta.",
    ),
    "urateoriat": (
        "Uraohjauksen teoriat lyhyesti",
        "Katsaus keskeisiin urateorioihin.",
        "Esitellään piirreteoria, kehitysteoriat ja konstruktivistinen uraohjaus.",
    ),
    "tulevaisuus": (
        "Tulevaisuuden muistelu",
        "Asiakas kuvittelee katsovansa taaksepäin toivotusta tulevaisuudesta.",
        "Ratkaisukeskeinen menetelmä, joka vahvistaa toivoa ja tavoitteellisuutta.",
    ),
    "arvokortit": (
        "Arvokortit",
        "Korttipakka arvojen pohtimiseen.",
        "Asiakas valitsee hänelle tärkeimmät arvot ja pohtii niiden merkitystä ammatinvalinnassa.",
    ),
    "tunnekortit": (
        "Tunnekortit",
        "Kuvakortit tunteiden sanoittamiseen.",
        "Kortit auttavat lapsia ja nuoria kertomaan tunteistaan ohjauskeskustelussa.",
    ),
    "palkkatuki": (
        "Palkkatuki työllistymisen tukena",
        "Tietoa palkkatuesta työnantajalle ja työnhakijalle.",
        "Palkkatuella voidaan alentaa työllistämisen kustannuksia, kun työttömän osaaminen "
        "vaatii tukea.",
    ),
    "oppisopimus": (
        "Oppisopimuskoulutus aikuisille",
        "Ammatin oppiminen työpaikalla palkallisena.",
        "Oppisopimus sopii alanvaihtajille, jotka haluavat suorittaa tutkinnon työn ohessa.",
    ),
    "jatkuva": (
        "Jatkuvan oppimisen palvelut",
        "Mistä aikuinen löytää koulutusta työuran aikana.",
        "Esitellään lyhytkoulutukset, avoin korkeakouluopetus ja muuntokoulutukset.",
    ),
    "eettiset": (
        "Ohjauksen eettiset periaatteet",
        "Luottamuksellisuus, itsemääräämisoikeus ja puolueettomuus.",
        "Ohjaaja kunnioittaa asiakkaan oikeutta tehdä omat päätöksensä.",
    ),
    "uupumus": (
        "Työuupumuksen tunnistaminen",
        "Merkit, joista ohjaaja huomaa asiakkaan uupumuksen.",
        "Väsymys, kyynistyminen ja ammatillisen itsetunnon lasku ovat keskeisiä oireita.",
    ),
    "mielenterveys": (
        "Mielenterveyden tukeminen ohjauksessa",
        "Milloin ohjata asiakas terveyspalveluihin.",
        "Ohjaaja voi kysyä hyvinvoinnista ja kertoa matalan kynnyksen palveluista.",
    ),
    "vertaistuki": (
        "Vertaistukiryhmä työttömille",
        "Ryhmä, jossa työttömät jakavat kokemuksia.",
        "Vertaisten tuki vähentää yksinäisyyttä ja antaa ideoita työnhakuun.",
    ),
    "yrittajyys": (
        "Yrittäjyys vaihtoehtona",
        "Ohjausta yrityksen perustamista harkitsevalle.",
        "Käydään läpi liiketoimintasuunnitelma, starttiraha ja yrittäjän riskit.",
    ),
    "barometri": (
        "Ammattibarometri",
        "Alueellinen ennuste ammattien työllisyysnäkymistä.",
        "Barometrista näkee, missä ammateissa on pulaa osaajista.",
    ),
    "kielitaito": (
        "Kielitaidon arviointi",
        "Itsearviointi suomen kielen taitotasosta.",
        "Eurooppalainen viitekehys auttaa kuvaamaan puhumisen, kirjoittamisen ja ymmärtämisen "
        "tasoja.",
    ),
    "digitaidot": (
        "Digitaitojen kartoitus",
        "Kysely asiakkaan tietoteknisistä valmiuksista.",
        "Kartoitus kertoo, tarvitseeko asiakas tukea sähköisten palvelujen käytössä.",
    ),
    "haastattelu": (
        "Työhaastatteluun valmistautuminen",
        "Harjoituksia haastattelutilanteeseen.",
        "Asiakas harjoittelee vastauksia yleisimpiin kysymyksiin ja kertomaan vahvuuksistaan.",
    ),
    "tavoitteet": (
        "Tavoitteiden asettaminen",
        "SMART-mallilla konkreettisiin tavoitteisiin.",
        "Tavoitteen tulee olla mitattava, saavutettava ja aikaan sidottu.",
    ),
    "urapolku": (
        "Urapolun kuvaaminen",
        "Visuaalinen harjoitus urakehityksen vaiheista.",
        "Asiakas piirtää polun, jossa näkyvät opinnot, työpaikat ja tulevat askeleet.",
    ),
    "palaute": (
        "Palautteen antaminen ohjauksessa",
        "Rakentava palaute vahvistaa oppimista.",
        "Anna palaute konkreettisesti, ajallaan ja kannustavasti.",
    ),
    "kuuntelu": (
        "Aktiivinen kuuntelu",
        "Perustaito jokaiseen ohjauskeskusteluun.",
        "Kuuntelija toistaa ja tarkentaa kuulemaansa ja osoittaa läsnäoloa.",
    ),
    "verkostot": (
        "Verkostojen hyödyntäminen työnhaussa",
        "Piilotyöpaikat löytyvät usein tuttavien kautta.",
        "Asiakas kartoittaa ihmiset, joilta voi kysyä vinkkejä avoimista tehtävistä.",
    ),
    "urapalvelut": (
        "Korkeakouluopiskelijoiden urapalvelut",
        "Urapalvelut tukevat opiskelijoita työelämään siirtymisessä.",
        "Harjoittelu, mentorointi ja rekrytointitapahtumat auttavat valmistuvia.",
    ),
    "ikaantyvat": (
        "Ikääntyvien työntekijöiden uraohjaus",
        "Työuran loppuvaiheen ohjaus.",
        "Yli 55-vuotiaiden osaamista kannattaa päivittää ja työkykyä tukea.",
    ),
    "osatyokykyiset": (
        "Osatyökykyisten työllistyminen",
        "Palvelut, joilla osatyökykyinen pääsee töihin.",
        "Työkokeilu, työhönvalmennus ja apuvälineet madaltavat kynnystä.",
    ),
    "itsetuntemus": (
        "Itsetuntemuksen harjoitukset",
        "Kysymyksiä vahvuuksien ja kiinnostuksen kohteiden pohtimiseen.",
        "Itsetuntemus auttaa tekemään perusteltuja koulutusvalintoja.",
    ),
    "koulutusvalinnat": (
        "Koulutusvalintojen tukeminen",
        "Miten ohjaaja tukee hakeutumista koulutukseen.",
        "Hakemista helpottavat tieto hakuajoista, pääsykokeista ja opintojen rahoituksesta.",
    ),
    "kriisi": (
        "Kriisissä olevan asiakkaan kohtaaminen",
        "Irtisanominen tai sairastuminen voi laukaista kriisin.",
        "Ohjaaja kuuntelee, rauhoittaa ja ohjaa tarvittaessa kriisiavun piiriin.",
    ),
    "monialainen": (
        "Monialainen yhteistyö",
        "Eri ammattilaiset yhdessä asiakkaan tukena.",
        "Sosiaalityö, terveydenhuolto ja työllisyyspalvelut sopivat yhteisistä tavoitteista.",
    ),
    "dokumentointi": (
        "Ohjauksen dokumentointi",
        "Mitä asiakastietoihin kirjataan.",
        "Kirjaa olennainen, asiallisesti ja tietosuojaa noudattaen.",
    ),
    "ryhmadynamiikka": (
        "Ryhmädynamiikka ohjaajan työssä",
        "Ryhmän kehitysvaiheet ja roolit.",
        "Ohjaaja tunnistaa ryhmän muotoutumisen, kuohunnan ja toiminnan vaiheet.",
    ),
    "tyokokeilu": (
        "Työkokeilu",
        "Palvelu, jossa asiakas kokeilee soveltuvuuttaan alalle.",
        "Työkokeilu kestää enintään kuusi kuukautta eikä siitä makseta palkkaa.",
    ),
}

FINNISH_QUERIES = [
    ("elämänjanan", {"elamanjana"}),
    ("motivoivassa haastattelussa", {"motivoiva"}),
    ("ryhmäohjaukseen harjoituksia", {"ryhmaohjaus"}),
    ("työnhakijoille", {"tyonhaku", "palkkatuki", "verkostot", "vertaistuki"}),
    ("cv-pohja", {"cv"}),
    ("osaamisen tunnistamiseen", {"osaamiskartoitus"}),
    ("nuorille jatko-opinnot", {"nivelvaihe"}),
    ("maahanmuuttajille ohjausta", {"maahanmuuttajat"}),
    ("etäohjaus", {"etaohjaus"}),
    ("urateoria", {"urateoriat"}),
    ("ratkaisukeskeiset menetelmät", {"tulevaisuus"}),
    ("arvot ammatinvalinta", {"arvokortit"}),
    ("tunteet lapset", {"tunnekortit"}),
    ("palkkatuesta", {"palkkatuki"}),
    ("oppisopimuksella", {"oppisopimus"}),
    ("aikuiskoulutus", {"jatkuva", "oppisopimus"}),
    ("eettinen periaate", {"eettiset"}),
    ("uupunut asiakas", {"uupumus"}),
    ("mielenterveysongelmat", {"mielenterveys"}),
    ("vertaistuki työttömät", {"vertaistuki"}),
    ("yrityksen perustaminen", {"yrittajyys"}),
    ("ammattien työllisyysnäkymät", {"barometri"}),
    ("suomen kielen taito", {"kielitaito"}),
    ("digitaito", {"digitaidot"}),
    ("työhaastattelu vinkit", {"haastattelu"}),
    ("tavoitteet", {"tavoitteet"}),
    ("urapolut", {"urapolku"}),
    ("rakentava palaute", {"palaute"}),
    ("kuunteleminen", {"kuuntelu", "motivoiva"}),
    ("piilotyöpaikat", {"verkostot"}),
    ("opiskelijoiden urapalvelut", {"urapalvelut"}),
    ("ikääntyneet työntekijät", {"ikaantyvat"}),
    ("osatyökykyiset", {"osatyokykyiset"}),
    ("vahvuudet", {"itsetuntemus", "haastattelu"}),
    ("koulutukseen hakeutuminen", {"koulutusvalinnat"}),
    ("irtisanottu asiakas kriisissä", {"kriisi"}),
    ("moniammatillinen yhteistyö", {"monialainen"}),
    ("asiakastietojen kirjaaminen", {"dokumentointi"}),
    ("ryhmän vaiheet", {"ryhmadynamiikka"}),
    ("työkokeiluun", {"tyokokeilu", "osatyokykyiset"}),
    ("uraohjaus", {"urateoriat", "ikaantyvat"}),
    ("ohjauskeskustelu", {"tunnekortit", "kuuntelu"}),
    ("ansioluettelo", {"cv"}),
    ("starttiraha", {"yrittajyys"}),
    ("työttömälle", {"vertaistuki", "palkkatuki"}),
]

SWEDISH_DOCUMENTS = {
    "livslang": (
        "Livslång vägledning i Finland",
        "Vad menas med livslång vägledning och vem erbjuder den.",
        "Vägledningstjänster finns i skolor, arbetskraftsservice och högskolor.",
    ),
    "grupp": (
        "Metoder för gruppvägledning",
        "Övningar för den första gruppträffen.",
        "Gruppen lär känna varandra och skapar en trygg stämning.",
    ),
    "cv": (
        "Att skriva en meritförteckning",
        "Råd för ett tydligt CV.",
        "Beskriv utbildning, arbetserfarenhet och kunskaper i omvänd ordning.",
    ),
    "intervju": (
        "Förberedelse för arbetsintervjun",
        "Övningar inför intervjun.",
        "Klienten övar svar på vanliga frågor och berättar om sina styrkor.",
    ),
    "unga": (
        "Stöd för unga i övergångsskedet",
        "Ungdomar som avslutar grundskolan behöver vägledning.",
        "Studiehandledaren stöder valet av fortsatta studier.",
    ),
    "invandrare": (
        "Vägledning för invandrare",
        "Språkmedveten vägledning i integrationsutbildningen.",
        "Lättläst språk och tolkning hjälper.",
    ),
    "distans": (
        "Vägledning på distans",
        "Tips för videomöten med klienter.",
        "Se till att förbindelsen är säker och att ljudet fungerar.",
    ),
    "etik": (
        "Etiska principer i vägledningen",
        "Konfidentialitet och klientens självbestämmande.",
        "Vägledaren respekterar klientens rätt att fatta egna beslut.",
    ),
    "utbrand": (
        "Att känna igen utbrändhet",
        "Tecken på att klienten är utmattad.",
        "Trötthet och cynism är vanliga symtom.",
    ),
    "lonesubvention": (
        "Lönesubvention",
        "Stöd för arbetsgivare som anställer en arbetslös.",
        "Lönesubventionen sänker kostnaderna för anställningen.",
    ),
    "laroavtal": (
        "Läroavtalsutbildning för vuxna",
        "Att lära sig ett yrke på arbetsplatsen.",
        "Läroavtal passar personer som byter bransch.",
    ),
    "foretagande": (
        "Företagande som alternativ",
        "Vägledning för den som funderar på att starta företag.",
        "Affärsplan och startpeng gås igenom.",
    ),
    "sprak": (
        "Bedömning av språkkunskaper",
        "Självbedömning av kunskaper i finska och svenska.",
        "Den europeiska referensramen beskriver nivåerna.",
    ),
    "mal": (
        "Att sätta upp mål",
        "Konkreta mål med SMART-modellen.",
        "Målet ska vara mätbart och tidsbundet.",
    ),
    "natverk": (
        "Nätverk i jobbsökandet",
        "Dolda jobb hittas ofta via bekanta.",
        "Klienten kartlägger personer som kan ge tips om lediga jobb.",
    ),
}

SWEDISH_QUERIES = [
    ("gruppvägledningen", {"grupp"}),
    ("meritförteckningar", {"cv"}),
    ("arbetsintervju", {"intervju"}),
    ("ungdomarnas studier", {"unga"}),
    ("invandrarna", {"invandrare"}),
    ("vägledning distans", {"distans"}),
    ("etiska principer", {"etik"}),
    ("utbrändheten", {"utbrand"}),
    ("lönesubventioner", {"lonesubvention"}),
    ("läroavtal", {"laroavtal"}),
    ("starta företag", {"foretagande"}),
    ("språkkunskaperna", {"sprak"}),
    ("målen", {"mal"}),
    ("lediga jobb", {"natverk"}),
    ("klientens beslut", {"etik"}),
]

ENGLISH_DOCUMENTS = {
    "lifeline": (
        "The lifeline",
        "The client draws the important events of their life on a line.",
        "The method helps to see how earlier choices shaped the career.",
    ),
    "motivational": (
        "Motivational interviewing in career guidance",
        "A conversation style that strengthens the client's own motivation for change.",
        "Open questions, reflective listening and summaries.",
    ),
    "goals": (
        "Solution-focused goal conversation",
        "Setting concrete goals with the client.",
        "Goals should be measurable and achievable.",
    ),
    "cv": (
        "Writing a CV",
        "Advice for a clear résumé.",
        "List education, work experience and skills.",
    ),
    "interview": (
        "Preparing for a job interview",
        "Practice for the interview situation.",
        "The client rehearses answers to common questions.",
    ),
    "remote": (
        "Remote guidance practices",
        "Tips for guidance over video.",
        "Agree on a secure connection and check the sound.",
    ),
    "youth": (
        "Supporting young people after basic education",
        "Transitions to upper secondary education.",
        "The study counsellor supports choosing further studies.",
    ),
    "ethics": (
        "Ethical principles of guidance",
        "Confidentiality and the client's autonomy.",
        "The counsellor respects the client's right to make decisions.",
    ),
    "burnout": (
        "Recognising burnout",
        "Signs that a client is exhausted.",
        "Fatigue and cynicism are common symptoms.",
    ),
    "networks": (
        "Using networks in job searching",
        "Hidden jobs are often found through acquaintances.",
        "The client maps people who can share tips on open positions.",
    ),
}

ENGLISH_QUERIES = [
    ("lifelines", {"lifeline"}),
    ("motivating interviews", {"motivational"}),
    ("setting goals", {"goals"}),
    ("writing CV", {"cv"}),
    ("job interviews", {"interview"}),
    ("remote guidance", {"remote"}),
    ("young people education", {"youth"}),
    ("ethical principles", {"ethics"}),
    ("exhaustion", {"burnout"}),
    ("job search networks", {"networks"}),
]

# The same documents, searched as people type on a phone or a foreign keyboard: letters without
# their marks (ä, ö, å), one or two typos, compounds spaced or run together. Each query is a
# version of one the search answers when typed correctly; the words differ from the exact set.
FINNISH_MISTYPED_QUERIES = [
    ("elamanjana", {"elamanjana"}),
    ("motivoiva hastattelu", {"motivoiva"}),
    ("ryhmaohjaus", {"ryhmaohjaus"}),
    ("tyonhakija", {"tyonhaku", "palkkatuki", "verkostot", "vertaistuki"}),
    ("osaamisen tunistaminen", {"osaamiskartoitus"}),
    ("nuorten jatko opinnot", {"nivelvaihe"}),
    ("maahanmuutajat", {"maahanmuuttajat"}),
    ("etaohjauksen kaytannot", {"etaohjaus"}),
    ("uraterioita", {"urateoriat"}),
    ("ratkaisukeskeinen menetelma", {"tulevaisuus"}),
    ("ammatinvalinat arvot", {"arvokortit"}),
    ("tunne kortit", {"tunnekortit"}),
    ("palkatuki", {"palkkatuki"}),
    ("opisopimus", {"oppisopimus"}),
    ("eetiset periaatteet", {"eettiset"}),
    ("uupumsu", {"uupumus"}),
    ("mielenterveys ongelmat", {"mielenterveys"}),
    ("vertaistuki tyottomille", {"vertaistuki"}),
    ("yrityksen perustamnen", {"yrittajyys"}),
    ("tyollisyysnakymat", {"barometri"}),
    ("suomen kilen taito", {"kielitaito"}),
    ("digitaidto", {"digitaidot"}),
    ("tavoiteet", {"tavoitteet"}),
    ("ura polku", {"urapolku"}),
    ("rakentva palaute", {"palaute"}),
    ("piilotyopaikat", {"verkostot"}),
    ("ikaantyneet tyontekijat", {"ikaantyvat"}),
    ("osatyokykyinen", {"osatyokykyiset"}),
    ("koulutukseen hakeutumnen", {"koulutusvalinnat"}),
    ("moniamatillinen yhteistyo", {"monialainen"}),
    ("ryhman vaiheet", {"ryhmadynamiikka"}),
    ("tyokokeilu", {"tyokokeilu", "osatyokykyiset"}),
    ("uraohajus", {"urateoriat", "ikaantyvat"}),
    ("ohjaus keskustelu", {"tunnekortit", "kuuntelu"}),
    ("ansioluetelo", {"cv"}),
    ("startiraha", {"yrittajyys"}),
    ("itsetuntemsu", {"itsetuntemus"}),
]

SWEDISH_MISTYPED_QUERIES = [
    ("gruppvagledning", {"grupp"}),
    ("meritforteckning", {"cv"}),
    ("arbetsintervjun", {"intervju"}),
    ("ungdomar studeir", {"unga"}),
    ("invandrre", {"invandrare"}),
    ("vagledning pa distans", {"distans"}),
    ("etika principer", {"etik"}),
    ("utbrandhet", {"utbrand"}),
    ("lonesubvention", {"lonesubvention"}),
    ("laroavtal", {"laroavtal"}),
    ("starta foretag", {"foretagande"}),
    ("sprakkunskaper", {"sprak"}),
    ("natverk", {"natverk"}),
    ("klientens beslutt", {"etik"}),
]

ENGLISH_MISTYPED_QUERIES = [
    ("lifelnie", {"lifeline"}),
    ("life line", {"lifeline"}),
    ("motivational intervewing", {"motivational"}),
    ("seting goals", {"goals"}),
    ("job intreview", {"interview"}),
    ("remote guidence", {"remote"}),
    ("young poeple education", {"youth"}),
    ("ethicla principles", {"ethics"}),
    ("burnuot", {"burnout"}),
    ("job serching networks", {"networks"}),
    ("resume", {"cv"}),
]
