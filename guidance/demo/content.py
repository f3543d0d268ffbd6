"""Demo content written for this project: sections, topics and guidance items.

Texts are ``T(fi, sv, en)``; an item whose title has a Swedish or English text is translated
into that language through wagtail-localize. All organisations, people and addresses not named
as public services are invented.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class T:
    fi: str
    sv: str | None = None
    en: str | None = None

    def get(self, lang):
        return getattr(self, lang)


@dataclass
class Item:
    kind: str
    topic: str
    slug: str
    title: T
    summary: T
    body: list = field(default_factory=list)
    keywords: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    sectors: list = field(default_factory=list)
    settings: list = field(default_factory=list)
    image: str | None = None
    fields: dict = field(default_factory=dict)
    steps: list = field(default_factory=list)
    languages: list = field(default_factory=lambda: ["fi"])
    licence: str = "cc-by-4.0"
    organisation: str = "Ohjaajan osion toimitus"
    review: str = "approved"  # approved, overdue, none
    attachment: str | None = None

    @property
    def translated_to(self):
        return [lang for lang in ("sv", "en") if self.title.get(lang)]


def P(text):  # noqa: N802 - reads as markup in the data below
    return ("p", text)


def H(text):  # noqa: N802
    return ("h", text)


def TIP(text):  # noqa: N802
    return ("tip", text)


def QUOTE(text, attribution=""):  # noqa: N802
    return ("quote", text, attribution)


def FIGURE(image, caption):  # noqa: N802 - an image from IMAGES in the body, with its caption
    return ("figure", image, caption)


def VIDEO(url, title, transcript):  # noqa: N802
    return ("video", url, title, transcript)


def DOCUMENT(attachment, title):  # noqa: N802 - a file from ATTACHMENTS in the body
    return ("document", attachment, title)


def STEPS(title, steps):  # noqa: N802 - steps: [(T title, T text, duration)]
    return ("steps", title, steps)


def TABLE(caption, rows):  # noqa: N802 - rows of T; the first row is the header row
    return ("table", caption, rows)


SECTIONS = [
    {
        "slug": "tietoa-ohjaajalle",
        "kind": "information",
        "title": T("Tietoa ohjaajalle", "Information för vägledare", "Information for counsellors"),
        "intro": T(
            "Ajankohtaista tietoa ohjauksen toimintaympäristöstä, palveluista, etiikasta ja laadusta.",
            "Aktuell information om vägledningens omvärld, tjänster, etik och kvalitet.",
            "Current information on the guidance landscape, services, ethics and quality.",
        ),
        "topics": [
            (
                "ajankohtaista",
                T(
                    "Ajankohtaista ohjauksessa",
                    "Aktuellt inom vägledning",
                    "Current topics in guidance",
                ),
            ),
            (
                "koulutus-ja-tyoelamatieto",
                T(
                    "Koulutus- ja työelämätieto",
                    "Utbildnings- och arbetslivsinformation",
                    "Education and labour market information",
                ),
            ),
            (
                "etiikka-ja-laatu",
                T(
                    "Ohjauksen etiikka ja laatu",
                    "Vägledningens etik och kvalitet",
                    "Ethics and quality of guidance",
                ),
            ),
        ],
    },
    {
        "slug": "asiakastyohon",
        "kind": "client_work",
        "title": T("Asiakastyöhön", "För klientarbetet", "For client work"),
        "intro": T(
            "Menetelmiä, työkaluja ja tehtäviä yksilö-, ryhmä- ja verkko-ohjaukseen.",
            "Metoder, verktyg och uppgifter för individuell vägledning, gruppvägledning och vägledning på nätet.",
            "Methods, tools and tasks for individual, group and online guidance.",
        ),
        "topics": [
            (
                "urasuunnittelu",
                T(
                    "Urasuunnittelu ja itsetuntemus",
                    "Karriärplanering och självkännedom",
                    "Career planning and self-knowledge",
                ),
            ),
            ("tyonhaku", T("Työnhaku", "Arbetssökande", "Job search")),
            ("ryhmaohjaus", T("Ryhmäohjaus", "Gruppvägledning", "Group guidance")),
            (
                "digitaalinen-ohjaus",
                T("Digitaalinen ohjaus", "Digital vägledning", "Digital guidance"),
            ),
        ],
    },
    {
        "slug": "osaamisen-kehittaminen",
        "kind": "professional_development",
        "title": T("Osaamisen kehittäminen", "Kompetensutveckling", "Professional development"),
        "intro": T(
            "Koulutuksia, työnohjausta ja vertaistukea ohjaajan oman osaamisen ja jaksamisen tueksi.",
            "Utbildningar, arbetshandledning och kamratstöd för vägledarens kompetens och ork.",
            "Training, supervision and peer support for the counsellor's own competence and wellbeing.",
        ),
        "topics": [
            ("koulutukset", T("Koulutukset", "Utbildningar", "Trainings")),
            (
                "tyohyvinvointi",
                T(
                    "Työhyvinvointi ja työnohjaus",
                    "Arbetshälsa och arbetshandledning",
                    "Wellbeing at work and supervision",
                ),
            ),
        ],
    },
]

HOME = {
    "title": T("Ohjaajan osio", "Vägledarens avsnitt", "Counsellor section"),
    "intro": T(
        "Laadukkaita ohjausmenetelmiä, työkaluja ja materiaaleja kaikille elinikäisen ohjauksen "
        "ammattilaisille sekä paikka jakaa kokemuksia kollegoiden kanssa.",
        "Kvalitetsgranskade vägledningsmetoder, verktyg och material för alla som arbetar med "
        "livslång vägledning samt en plats att dela erfarenheter med kolleger.",
        "Quality-reviewed guidance methods, tools and materials for every lifelong guidance "
        "professional, and a place to share experience with colleagues.",
    ),
}

IMAGES = {
    "polut": (
        "Polkujen kuvitus",
        T(
            "Kuvitus: kolme eriväristä polkua kulkee mäkien yli kohti yhteistä horisonttia.",
            "Illustration: tre stigar i olika färger går över kullarna mot en gemensam horisont.",
            "Illustration: three paths in different colours cross the hills towards a shared horizon.",
        ),
        ((38, 84, 124), (120, 180, 160)),
    ),
    "ryhma": (
        "Ryhmän kuvitus",
        T(
            "Kuvitus: kuusi värikästä ympyrää piirissä, kuin ihmiset istumassa ringissä.",
            "Illustration: sex färgglada cirklar i en ring, som människor som sitter i en ring.",
            "Illustration: six colourful circles in a ring, like people sitting in a circle.",
        ),
        ((148, 62, 90), (240, 190, 120)),
    ),
    "verkko": (
        "Verkko-ohjauksen kuvitus",
        T(
            "Kuvitus: kannettavan tietokoneen näyttö, jolla on kaksi puhekuplaa.",
            "Illustration: en bärbar datorskärm med två pratbubblor.",
            "Illustration: a laptop screen with two speech bubbles.",
        ),
        ((30, 60, 90), (90, 160, 220)),
    ),
    "kompassi": (
        "Kompassin kuvitus",
        T(
            "Kuvitus: kompassi, jonka neula osoittaa kohti tähteä.",
            "Illustration: en kompass vars nål pekar mot en stjärna.",
            "Illustration: a compass whose needle points towards a star.",
        ),
        ((60, 90, 40), (200, 210, 120)),
    ),
    "kirjat": (
        "Opiskelun kuvitus",
        T(
            "Kuvitus: pino kirjoja ja niiden päällä valmistumislakki.",
            "Illustration: en bunt böcker med en studentmössa ovanpå.",
            "Illustration: a pile of books with a graduation cap on top.",
        ),
        ((90, 50, 120), (200, 160, 230)),
    ),
    "tyo": (
        "Työelämän kuvitus",
        T(
            "Kuvitus: salkku ja kalenteri, taustalla kaupungin siluetti.",
            "Illustration: en portfölj och en kalender mot en stads siluett.",
            "Illustration: a briefcase and a calendar against a city skyline.",
        ),
        ((110, 70, 30), (230, 200, 150)),
    ),
}

A = "article"
M = "method"
TL = "tool"
MA = "material"
TR = "training"

ITEMS = [
    # --- Information for counsellors -------------------------------------------------------
    Item(
        A,
        "tietoa-ohjaajalle/ajankohtaista",
        "elinikaisen-ohjauksen-toimijat",
        T(
            "Elinikäinen ohjaus Suomessa: käsitteet ja toimijat",
            "Livslång vägledning i Finland: begrepp och aktörer",
            "Lifelong guidance in Finland: concepts and actors",
        ),
        T(
            "Mitä elinikäisellä ohjauksella tarkoitetaan ja kuka sitä tarjoaa? Tiivis katsaus ohjauksen kenttään.",
            "Vad menas med livslång vägledning och vem erbjuder den? En kort översikt över fältet.",
            "What is lifelong guidance and who provides it? A short overview of the field.",
        ),
        body=[
            P(
                T(
                    "Elinikäinen ohjaus tarkoittaa ohjausta, jota ihminen voi saada kaikissa elämänvaiheissa: koulussa, opinnoissa, työelämässä ja sen muutoksissa.",
                    "Livslång vägledning betyder vägledning som en människa kan få i alla skeden av livet: i skolan, under studierna, i arbetslivet och vid förändringar.",
                    "Lifelong guidance means guidance a person can receive at every stage of life: at school, in studies, at work and during its transitions.",
                )
            ),
            H(T("Kuka ohjaa?", "Vem vägleder?", "Who provides guidance?")),
            P(
                T(
                    "Ohjausta tarjoavat oppilaitosten opinto-ohjaajat, työllisyyspalvelujen asiantuntijat, Ohjaamot, järjestöt ja yksityiset palveluntuottajat.",
                    "Vägledning erbjuds av studiehandledare vid läroanstalter, experter inom sysselsättningstjänster, Navigatorer, organisationer och privata tjänsteproducenter.",
                    "Guidance is provided by study counsellors in schools, experts in employment services, One-Stop Guidance Centres, NGOs and private providers.",
                )
            ),
            TABLE(
                T(
                    "Ohjauspalvelut elämänvaiheittain",
                    "Vägledningstjänster i olika skeden av livet",
                    "Guidance services by stage of life",
                ),
                [
                    [
                        T("Elämänvaihe", "Skede", "Stage"),
                        T("Kuka ohjaa", "Vem vägleder", "Who guides"),
                    ],
                    [
                        T(
                            "Peruskoulu ja toinen aste",
                            "Grundskola och andra stadiet",
                            "Basic and upper secondary education",
                        ),
                        T("Opinto-ohjaaja", "Studiehandledare", "Study counsellor"),
                    ],
                    [
                        T("Korkeakouluopinnot", "Högskolestudier", "Higher education"),
                        T(
                            "Opinto- ja uraohjaajat",
                            "Studie- och karriärvägledare",
                            "Study and career counsellors",
                        ),
                    ],
                    [
                        T(
                            "Työelämä ja työnhaku",
                            "Arbetsliv och arbetssökande",
                            "Working life and job search",
                        ),
                        T(
                            "Työllisyyspalvelujen asiantuntija",
                            "Expert inom sysselsättningstjänster",
                            "Employment services expert",
                        ),
                    ],
                    [
                        T("Alle 30-vuotiaat", "Under 30-åringar", "Under-30s"),
                        T("Ohjaamo", "Navigatorn", "One-Stop Guidance Centre"),
                    ],
                ],
            ),
            FIGURE(
                "kompassi",
                T(
                    "Ohjaus tukee ihmistä löytämään oman suuntansa.",
                    "Vägledning hjälper människan att hitta sin egen riktning.",
                    "Guidance helps a person find their own direction.",
                ),
            ),
            QUOTE(
                T(
                    "Hyvä ohjaus ei anna valmiita vastauksia vaan auttaa löytämään omat.",
                    "God vägledning ger inga färdiga svar utan hjälper en att hitta sina egna.",
                    "Good guidance gives no ready answers; it helps a person find their own.",
                ),
                "Ohjaajan osion toimitus",
            ),
            P(
                T(
                    "Yhteistä kaikille on tavoite tukea ihmisen omaa päätöksentekoa ja osaamisen kehittymistä.",
                    "Gemensamt för alla är målet att stödja individens eget beslutsfattande och kompetensutveckling.",
                    "What they share is the aim of supporting a person's own decisions and the growth of their competences.",
                )
            ),
        ],
        keywords=["elinikainen-oppiminen", "uraohjaus"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["perusopetus", "toinen-aste", "korkeakoulutus", "tyovoimapalvelut"],
        image="polut",
        languages=["fi", "sv", "en"],
    ),
    Item(
        A,
        "tietoa-ohjaajalle/etiikka-ja-laatu",
        "ohjauksen-eettiset-periaatteet",
        T(
            "Ohjauksen eettiset periaatteet käytännössä",
            "Vägledningens etiska principer i praktiken",
            "The ethical principles of guidance in practice",
        ),
        T(
            "Luottamuksellisuus, asiakkaan itsemääräämisoikeus ja puolueettomuus ovat ohjauksen eettinen perusta.",
            "Konfidentialitet, klientens självbestämmande och opartiskhet är vägledningens etiska grund.",
            "Confidentiality, the client's autonomy and impartiality are the ethical foundation of guidance.",
        ),
        body=[
            P(
                T(
                    "Ohjaaja kunnioittaa asiakkaan oikeutta tehdä omat valintansa ja tarjoaa tietoa puolueettomasti.",
                    "Vägledaren respekterar klientens rätt att göra sina egna val och ger information opartiskt.",
                    "The counsellor respects the client's right to make their own choices and gives information impartially.",
                )
            ),
            P(
                T(
                    "Luottamuksellisuus koskee kaikkea, mitä asiakas ohjauksessa kertoo. Tietoja luovutetaan vain asiakkaan luvalla tai lain niin vaatiessa.",
                    "Konfidentialiteten gäller allt som klienten berättar. Uppgifter lämnas ut endast med klientens samtycke eller när lagen kräver det.",
                    "Confidentiality covers everything the client shares. Information is disclosed only with the client's consent or where the law requires it.",
                )
            ),
            STEPS(
                T(
                    "Kun kohtaat eettisen ristiriidan",
                    "När du står inför en etisk konflikt",
                    "When you face an ethical dilemma",
                ),
                [
                    (
                        T("Nimeä ristiriita", "Benämn konflikten", "Name the dilemma"),
                        T(
                            "Mitkä periaatteet tai kenen edut ovat vastakkain?",
                            "Vilka principer eller vems intressen står mot varandra?",
                            "Which principles or whose interests are in conflict?",
                        ),
                        "5 min",
                    ),
                    (
                        T("Selvitä vaihtoehdot", "Utred alternativen", "Work out the options"),
                        T(
                            "Mitä kukin vaihtoehto merkitsee asiakkaalle ja sinulle?",
                            "Vad betyder varje alternativ för klienten och för dig?",
                            "What does each option mean for the client and for you?",
                        ),
                        "",
                    ),
                    (
                        T(
                            "Pyydä toinen näkökulma",
                            "Be om ett annat perspektiv",
                            "Ask for another view",
                        ),
                        T(
                            "Käy tilanne läpi työnohjauksessa tai kollegan kanssa nimettömänä.",
                            "Gå igenom situationen anonymt i arbetshandledningen eller med en kollega.",
                            "Go through the situation anonymously in supervision or with a colleague.",
                        ),
                        "",
                    ),
                ],
            ),
            VIDEO(
                "https://www.youtube.com/watch?v=KxGRhd_iWuE",
                T(
                    "Luottamuksellisuus ohjauksessa (video)",
                    "Konfidentialitet i vägledningen (video)",
                    "Confidentiality in guidance (video)",
                ),
                T(
                    "Videolla kaksi ohjaajaa keskustelee siitä, mitä asiakkaan kertomasta saa kirjata ja kenelle sitä saa kertoa.",
                    "I videon diskuterar två vägledare vad som får antecknas av det klienten berättar och för vem det får berättas.",
                    "In the video two counsellors discuss what may be recorded of what a client says, and who may be told.",
                ),
            ),
            DOCUMENT(
                "kysymykset",
                T(
                    "Eettisen pohdinnan kysymykset (Word)",
                    "Frågor för etisk reflektion (Word)",
                    "Questions for ethical reflection (Word)",
                ),
            ),
            TIP(
                T(
                    "Keskustele eettisistä kysymyksistä työnohjauksessa tai kollegan kanssa ennen kuin teet vaikean ratkaisun yksin.",
                    "Diskutera etiska frågor i arbetshandledningen eller med en kollega innan du fattar ett svårt beslut ensam.",
                    "Discuss ethical questions in supervision or with a colleague before making a difficult decision alone.",
                )
            ),
        ],
        keywords=["etiikka"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=[
            "perusopetus",
            "toinen-aste",
            "korkeakoulutus",
            "tyovoimapalvelut",
            "kolmas-sektori",
            "yksityinen",
        ],
        languages=["fi", "sv", "en"],
        review="overdue",
    ),
    Item(
        A,
        "tietoa-ohjaajalle/ajankohtaista",
        "tyollisyyspalvelut-kunnissa",
        T(
            "Työllisyyspalvelut kunnissa: mitä ohjaajan kannattaa tietää",
            "Sysselsättningstjänster i kommunerna: vad vägledaren bör veta",
            "Municipal employment services: what counsellors should know",
        ),
        T(
            "Työllisyyspalvelut siirtyivät kuntien vastuulle vuoden 2025 alussa. Näin se näkyy ohjauksessa.",
            "Sysselsättningstjänsterna övergick till kommunerna i början av 2025. Så syns det i vägledningen.",
            "Employment services moved to municipalities at the start of 2025. This is how it shows in guidance.",
        ),
        body=[
            P(
                T(
                    "Työnhakijan palvelut järjestää nyt työllisyysalue, joka voi olla yksi kunta tai usean kunnan yhteistoiminta-alue.",
                    "Arbetssökandes tjänster ordnas nu av ett sysselsättningsområde, som kan vara en kommun eller flera kommuner tillsammans.",
                    "Jobseekers' services are now organised by an employment area, either one municipality or several together.",
                )
            ),
            P(
                T(
                    "Oppilaitoksen ohjaajalle muutos tarkoittaa uusia yhteistyökumppaneita erityisesti nivelvaiheissa.",
                    "För vägledare vid läroanstalter betyder förändringen nya samarbetspartner, särskilt i övergångsskeden.",
                    "For counsellors in education the change means new partners, especially at transition points.",
                )
            ),
        ],
        keywords=["tyonhaku", "tyoelamatieto"],
        themes=["tyonhaku-ja-tyollistyminen"],
        target_groups=["ohjaajat", "tyonhakijat"],
        sectors=["tyovoimapalvelut", "toinen-aste"],
        image="tyo",
    ),
    Item(
        A,
        "tietoa-ohjaajalle/koulutus-ja-tyoelamatieto",
        "ammattibarometri-ohjauksessa",
        T(
            "Ammattibarometri ohjauskeskustelun tukena",
            "Yrkesbarometern som stöd i vägledningssamtalet",
            "Using the occupational barometer in guidance",
        ),
        T(
            "Ammattibarometri kertoo, missä ammateissa on työvoimapulaa tai -ylitarjontaa. Opi lukemaan sitä asiakkaan kanssa.",
            "Yrkesbarometern visar inom vilka yrken det råder brist eller överskott på arbetskraft. Lär dig läsa den tillsammans med klienten.",
            "The occupational barometer shows which occupations face labour shortages or surpluses. Learn to read it with your client.",
        ),
        body=[
            P(
                T(
                    "Barometri julkaistaan kahdesti vuodessa, ja se perustuu työllisyysalueiden asiantuntijoiden arvioihin.",
                    "Barometern publiceras två gånger per år och bygger på bedömningar av experter inom sysselsättningsområdena.",
                    "The barometer is published twice a year and is based on assessments by experts in the employment areas.",
                )
            ),
            P(
                T(
                    "Käytä barometria keskustelun avaajana, älä päätöksen perusteena: alueelliset erot ja yksilön tilanne ratkaisevat.",
                    "Använd barometern för att öppna samtalet, inte som grund för beslutet: regionala skillnader och individens situation avgör.",
                    "Use the barometer to open the conversation, not to decide: regional differences and the person's situation matter most.",
                )
            ),
        ],
        keywords=["tyoelamatieto", "koulutusvalinnat"],
        themes=["tyonhaku-ja-tyollistyminen", "urasuunnittelu"],
        target_groups=["tyonhakijat", "toisen-asteen-opiskelijat"],
        sectors=["tyovoimapalvelut", "toinen-aste"],
        languages=["fi", "sv", "en"],
    ),
    Item(
        A,
        "tietoa-ohjaajalle/koulutus-ja-tyoelamatieto",
        "jatkuvan-oppimisen-palvelut",
        T(
            "Jatkuvan oppimisen palvelut työikäisille",
            "Tjänster för kontinuerligt lärande för personer i arbetsför ålder",
            "Continuous learning services for working-age adults",
        ),
        T(
            "Työikäisen osaamisen kehittämiseen on tarjolla lyhytkoulutuksia, avointa korkeakouluopetusta ja osaamismerkkejä.",
            "För personer i arbetsför ålder finns kortutbildningar, öppen högskoleundervisning och kompetensmärken.",
            "Working-age adults can develop their skills through short courses, open university studies and digital badges.",
        ),
        body=[
            P(
                T(
                    "Ohjaajan tehtävä on auttaa asiakasta löytämään oma polkunsa laajasta tarjonnasta.",
                    "Vägledarens uppgift är att hjälpa klienten att hitta sin väg i det breda utbudet.",
                    "The counsellor's task is to help the client find their own path through a wide offer.",
                )
            ),
            P(
                T(
                    "Opintopolku kokoaa koulutustarjonnan yhteen paikkaan, ja osaamismerkit tekevät pienetkin osaamiskokonaisuudet näkyviksi.",
                    "Studieinfo samlar utbildningsutbudet på ett ställe, och kompetensmärken synliggör även små helheter.",
                    "Opintopolku gathers the education offer in one place, and digital badges make even small competences visible.",
                )
            ),
        ],
        keywords=["elinikainen-oppiminen", "aikuiset", "osaamisen-tunnistaminen"],
        themes=["opiskelu-ja-koulutus", "osaaminen"],
        target_groups=["tyossa-olevat", "tyonhakijat"],
        sectors=["tyovoimapalvelut", "muu-oppilaitos"],
        image="kirjat",
        languages=["fi", "sv", "en"],
    ),
    Item(
        A,
        "tietoa-ohjaajalle/etiikka-ja-laatu",
        "saavutettava-ohjaus",
        T("Saavutettava ohjaus: huomioi erilaiset oppijat"),
        T(
            "Selkeä kieli, vaihtoehtoiset viestintätavat ja esteettömät tilat tekevät ohjauksesta kaikille mahdollista."
        ),
        body=[
            P(
                T(
                    "Saavutettavuus alkaa kutsusta: kerro etukäteen, millainen tapaaminen on ja miten siihen voi osallistua."
                )
            ),
            P(
                T(
                    "Tarjoa materiaalit myös selkokielellä ja sähköisesti, jolloin ruudunlukija tai suurennus toimii."
                )
            ),
            TIP(T("Kysy asiakkaalta, mikä tapa hänelle sopii parhaiten. Oletus voi olla väärä.")),
        ],
        keywords=["saavutettavuus", "selkokieli"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["perusopetus", "toinen-aste", "tyovoimapalvelut"],
    ),
    Item(
        A,
        "tietoa-ohjaajalle/ajankohtaista",
        "oppivelvollisuus-ja-nivelvaihe",
        T("Laajennettu oppivelvollisuus ja nivelvaiheen ohjaus"),
        T(
            "Perusopetuksen päättävä nuori tarvitsee ohjausta jatko-opintoihin hakemisessa ja siirtymässä."
        ),
        body=[
            P(
                T(
                    "Oppivelvollisuus jatkuu 18 ikävuoteen asti, ja jokaisen peruskoulun päättävän on haettava jatko-opintoihin."
                )
            ),
            P(
                T(
                    "Perusopetuksen ja toisen asteen ohjaajien yhteistyö varmistaa, ettei kukaan putoa siirtymässä."
                )
            ),
        ],
        keywords=["nuoret", "koulutusvalinnat", "jatko-opinnot"],
        themes=["opiskelu-ja-koulutus"],
        target_groups=["peruskoululaiset", "toisen-asteen-opiskelijat"],
        sectors=["perusopetus", "toinen-aste"],
        review="none",
    ),
    Item(
        A,
        "tietoa-ohjaajalle/etiikka-ja-laatu",
        "kohtaava-ohjaus-monikulttuurisessa-tyossa",
        T("Kohtaava ohjaus monikulttuurisessa työssä"),
        T("Kulttuurisensitiivinen ohjaaja tunnistaa omat oletuksensa ja rakentaa luottamusta."),
        body=[
            P(
                T(
                    "Maahan muuttaneen asiakkaan ohjauksessa korostuvat tutkintojen tunnustaminen, kielitaito ja verkostot."
                )
            ),
            P(T("Käytä tulkkia aina tarvittaessa. Perheenjäsen ei ole tulkki.")),
        ],
        keywords=["maahanmuuttajat", "uraohjaus"],
        themes=["tyonhaku-ja-tyollistyminen"],
        target_groups=["maahanmuuttajat"],
        sectors=["tyovoimapalvelut", "kolmas-sektori"],
    ),
    Item(
        A,
        "osaamisen-kehittaminen/tyohyvinvointi",
        "ohjaajan-tyohyvinvointi",
        T(
            "Ohjaajan työhyvinvointi ja työnohjaus",
            "Vägledarens arbetshälsa och arbetshandledning",
            "Counsellors' wellbeing at work and supervision",
        ),
        T(
            "Ohjaustyö on vuorovaikutustyötä, joka kuormittaa. Työnohjaus auttaa jaksamaan ja kehittymään.",
            "Vägledning är interaktionsarbete som belastar. Arbetshandledning hjälper att orka och utvecklas.",
            "Guidance is demanding interaction work. Supervision helps counsellors cope and grow.",
        ),
        body=[
            P(
                T(
                    "Työnohjauksessa ohjaaja tarkastelee omaa työtään koulutetun työnohjaajan kanssa yksin tai ryhmässä.",
                    "I arbetshandledningen granskar vägledaren sitt eget arbete tillsammans med en utbildad handledare, ensam eller i grupp.",
                    "In supervision, counsellors reflect on their work with a trained supervisor, alone or in a group.",
                )
            ),
            P(
                T(
                    "Myös kollegiaalinen vertaistuki ja selkeät rajat työajalle suojaavat kuormitukselta.",
                    "Även kollegialt stöd och tydliga gränser för arbetstiden skyddar mot belastning.",
                    "Peer support from colleagues and clear limits on working hours also protect against strain.",
                )
            ),
        ],
        keywords=["tyonohjaus", "hyvinvointi"],
        themes=["hyvinvointi-ja-elamanhallinta", "ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=[
            "perusopetus",
            "toinen-aste",
            "korkeakoulutus",
            "tyovoimapalvelut",
            "kolmas-sektori",
        ],
        languages=["fi", "sv", "en"],
    ),
    Item(
        A,
        "osaamisen-kehittaminen/tyohyvinvointi",
        "vertaismentorointi",
        T("Vertaismentorointi ohjaajien kesken"),
        T("Kokenut ja uusi ohjaaja oppivat toisiltaan, kun mentorointi on suunnitelmallista."),
        body=[
            P(
                T(
                    "Sopikaa tapaamisten rytmi, tavoitteet ja luottamuksellisuus ensimmäisellä kerralla."
                )
            ),
            P(
                T(
                    "Mentorointi voi toimia myös organisaatioiden välillä, esimerkiksi oppilaitoksen ja työllisyyspalvelujen ohjaajien kesken."
                )
            ),
        ],
        keywords=["tyonohjaus"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        review="none",
    ),
    Item(
        A,
        "tietoa-ohjaajalle/etiikka-ja-laatu",
        "tietosuoja-ohjaustyossa",
        T("Tietosuoja ohjaustyössä"),
        T("Mitä asiakkaasta saa kirjata, kuka tiedot näkee ja kuinka kauan niitä säilytetään?"),
        body=[
            P(
                T(
                    "Kirjaa vain se, mikä on ohjauksen kannalta tarpeellista, ja kerro asiakkaalle, mitä kirjaat."
                )
            ),
            P(
                T(
                    "Älä käytä henkilötietoja ilmaisissa verkkotyökaluissa, joiden tietosuojasta organisaatiosi ei ole sopinut."
                )
            ),
        ],
        keywords=["etiikka", "verkko-ohjaus"],
        themes=["ohjaustyon-kehittaminen", "digitaaliset-palvelut"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        review="overdue",
    ),
    # --- Methods ----------------------------------------------------------------------------
    Item(
        M,
        "asiakastyohon/urasuunnittelu",
        "elamanjana",
        T("Elämänjana", "Livslinjen", "The lifeline"),
        T(
            "Asiakas piirtää elämänsä tärkeät vaiheet janaksi ja löytää niistä voimavaroja ja toistuvia teemoja.",
            "Klienten ritar livets viktiga skeden som en linje och hittar resurser och återkommande teman.",
            "The client draws the key stages of their life as a line and finds strengths and recurring themes.",
        ),
        body=[
            P(
                T(
                    "Elämänjana sopii ohjauksen alkuun, kun halutaan ymmärtää asiakkaan tähänastista polkua.",
                    "Livslinjen passar i början av vägledningen när man vill förstå klientens väg hittills.",
                    "The lifeline suits the start of guidance, when you want to understand the client's path so far.",
                )
            ),
        ],
        keywords=["itsetuntemus", "uraohjaus", "vahvuudet"],
        themes=["urasuunnittelu"],
        target_groups=["tyonhakijat", "tyossa-olevat", "korkeakouluopiskelijat"],
        sectors=["tyovoimapalvelut", "korkeakoulutus", "kolmas-sektori"],
        settings=["yksilo-ohjaus", "ryhmaohjaus"],
        image="polut",
        fields={
            "goals": T(
                "Asiakas tunnistaa elämänsä käännekohdat ja niissä käyttämänsä voimavarat.",
                "Klienten identifierar vändpunkter i livet och de resurser hen använt i dem.",
                "The client identifies turning points in their life and the strengths they used.",
            ),
            "duration": "45–60 min",
            "group_size": "1–8",
            "preparation": T(
                "Varaa isoja papereita ja värikyniä tai käytä digitaalista piirtoalustaa.",
                "Reservera stora papper och färgpennor eller använd en digital ritplatta.",
                "Have large sheets of paper and coloured pens ready, or use a digital whiteboard.",
            ),
        },
        steps=[
            (
                T("Piirrä jana", "Rita linjen", "Draw the line"),
                T(
                    "Asiakas piirtää vaakasuoran viivan syntymästä tähän päivään.",
                    "Klienten ritar en vågrät linje från födseln till i dag.",
                    "The client draws a horizontal line from birth to today.",
                ),
            ),
            (
                T("Merkitse vaiheet", "Markera skedena", "Mark the stages"),
                T(
                    "Janalle merkitään koulut, työt, muutot ja muut tärkeät tapahtumat.",
                    "På linjen markeras skolor, arbeten, flyttar och andra viktiga händelser.",
                    "Schools, jobs, moves and other important events are marked on the line.",
                ),
            ),
            (
                T("Keskustelkaa", "Samtala", "Talk it through"),
                T(
                    "Kysy, mikä auttoi vaikeina aikoina ja mitkä hetket tuntuivat omimmilta.",
                    "Fråga vad som hjälpte under svåra tider och vilka stunder kändes mest egna.",
                    "Ask what helped in hard times and which moments felt most like the client's own.",
                ),
            ),
        ],
        languages=["fi", "sv", "en"],
    ),
    Item(
        M,
        "asiakastyohon/ryhmaohjaus",
        "vahvuuskortit-ryhmassa",
        T("Vahvuuskortit ryhmässä", "Styrkekort i grupp", "Strength cards in a group"),
        T(
            "Ryhmäläiset valitsevat toisilleen vahvuuksia kuvaavia kortteja ja perustelevat valintansa.",
            "Gruppdeltagarna väljer kort som beskriver varandras styrkor och motiverar sina val.",
            "Group members choose cards describing each other's strengths and explain their choices.",
        ),
        body=[
            P(
                T(
                    "Harjoitus vahvistaa ryhmän luottamusta ja auttaa sanoittamaan omaa osaamista.",
                    "Övningen stärker förtroendet i gruppen och hjälper deltagarna att sätta ord på sin kompetens.",
                    "The exercise builds trust in the group and helps members put their competences into words.",
                )
            ),
        ],
        keywords=["ryhmaohjaus", "vahvuudet", "itsetuntemus"],
        themes=["osaaminen"],
        target_groups=["toisen-asteen-opiskelijat", "tyonhakijat", "nuoret-aikuiset"],
        sectors=["toinen-aste", "tyovoimapalvelut", "kolmas-sektori"],
        settings=["ryhmaohjaus"],
        image="ryhma",
        fields={
            "goals": T(
                "Osallistujat tunnistavat omia vahvuuksiaan ja saavat myönteistä palautetta.",
                "Deltagarna identifierar sina styrkor och får positiv återkoppling.",
                "Participants recognise their strengths and receive positive feedback.",
            ),
            "duration": "60–90 min",
            "group_size": "6–12",
        },
        steps=[
            (
                T("Levitä kortit", "Lägg ut korten", "Spread out the cards"),
                T(
                    "Kortit levitetään pöydälle kuvapuoli ylöspäin.",
                    "Korten läggs på bordet med bildsidan uppåt.",
                    "The cards are laid on the table face up.",
                ),
            ),
            (
                T("Valitse toiselle", "Välj åt en annan", "Choose for someone else"),
                T(
                    "Jokainen valitsee parilleen kaksi korttia ja kertoo miksi.",
                    "Var och en väljer två kort åt sin partner och berättar varför.",
                    "Everyone chooses two cards for their partner and says why.",
                ),
            ),
            (
                T("Purku", "Avslutning", "Debrief"),
                T(
                    "Kysy, mikä palaute yllätti ja miten vahvuutta voi käyttää opinnoissa tai työssä.",
                    "Fråga vilken återkoppling som överraskade och hur styrkan kan användas i studier eller arbete.",
                    "Ask which feedback surprised them and how the strength can be used in studies or work.",
                ),
            ),
        ],
        languages=["fi", "sv"],
        review="overdue",
    ),
    Item(
        M,
        "asiakastyohon/urasuunnittelu",
        "ratkaisukeskeinen-tavoitekeskustelu",
        T(
            "Ratkaisukeskeinen tavoitekeskustelu",
            "Lösningsfokuserat målsamtal",
            "Solution-focused goal conversation",
        ),
        T(
            "Keskustelu, jossa asiakkaan toivoma tulevaisuus ja pienet askeleet sitä kohti ovat pääosassa.",
            "Ett samtal där klientens önskade framtid och små steg mot den står i centrum.",
            "A conversation centred on the client's preferred future and small steps towards it.",
        ),
        body=[
            P(
                T(
                    "Ratkaisukeskeisyys kohdistaa huomion siihen, mikä jo toimii, ja rakentaa sen varaan.",
                    "Lösningsfokus riktar uppmärksamheten mot det som redan fungerar och bygger vidare på det.",
                    "Solution focus turns attention to what already works and builds on it.",
                )
            ),
            TIP(
                T(
                    "Asteikkokysymys: ”Missä olet nyt asteikolla 1–10, ja mikä olisi yksi askel ylöspäin?”",
                    "Skalfråga: ”Var är du nu på en skala 1–10, och vad vore ett steg uppåt?”",
                    "Scaling question: “Where are you now on a scale of 1 to 10, and what would be one step up?”",
                )
            ),
        ],
        keywords=["ratkaisukeskeisyys", "motivaatio", "urasuunnitelma"],
        themes=["urasuunnittelu"],
        target_groups=["tyonhakijat", "toisen-asteen-opiskelijat", "tyossa-olevat"],
        sectors=["tyovoimapalvelut", "toinen-aste", "yksityinen"],
        settings=["yksilo-ohjaus", "verkko-ohjaus"],
        image="kompassi",
        fields={
            "goals": T(
                "Asiakas muotoilee itselleen merkityksellisen tavoitteen ja ensimmäisen askeleen.",
                "Klienten formulerar ett meningsfullt mål och ett första steg.",
                "The client formulates a meaningful goal and a first step.",
            ),
            "duration": "30–45 min",
            "group_size": "1",
            "evidence_base": T(
                "Perustuu de Shazerin ja Berg'n ratkaisukeskeiseen lyhytterapiaan sovellettuna ohjaukseen.",
                "Bygger på de Shazers och Bergs lösningsfokuserade korttidsterapi tillämpad på vägledning.",
                "Based on de Shazer and Berg's solution-focused brief therapy applied to guidance.",
            ),
        },
        steps=[
            (
                T("Ihmekysymys", "Mirakelfrågan", "The miracle question"),
                T(
                    "Pyydä asiakasta kuvaamaan päivä, jona asia on ratkennut.",
                    "Be klienten beskriva en dag då saken är löst.",
                    "Ask the client to describe a day when the matter has been resolved.",
                ),
            ),
            (
                T("Asteikko", "Skalan", "The scale"),
                T(
                    "Sijoittakaa nykytilanne asteikolle ja etsikää jo toimivat asiat.",
                    "Placera nuläget på skalan och sök det som redan fungerar.",
                    "Place the current situation on the scale and look for what already works.",
                ),
            ),
            (
                T("Seuraava askel", "Nästa steg", "Next step"),
                T(
                    "Sopikaa yksi konkreettinen asia, jonka asiakas tekee ennen seuraavaa tapaamista.",
                    "Kom överens om en konkret sak som klienten gör före nästa träff.",
                    "Agree on one concrete thing the client will do before the next meeting.",
                ),
            ),
        ],
        languages=["fi", "sv", "en"],
    ),
    Item(
        M,
        "asiakastyohon/urasuunnittelu",
        "motivoiva-haastattelu",
        T(
            "Motivoiva haastattelu uraohjauksessa",
            "Motiverande samtal i karriärvägledning",
            "Motivational interviewing in career guidance",
        ),
        T(
            "Keskustelutapa, joka auttaa asiakasta tutkimaan ristiriitaisia ajatuksiaan muutoksesta.",
            "Ett samtalssätt som hjälper klienten att utforska sina motstridiga tankar om förändring.",
            "A conversational approach that helps the client explore mixed feelings about change.",
        ),
        body=[
            P(
                T(
                    "Ohjaaja kuuntelee heijastaen ja vahvistaa asiakkaan omaa muutospuhetta.",
                    "Vägledaren lyssnar reflekterande och förstärker klientens eget förändringsprat.",
                    "The counsellor listens reflectively and strengthens the client's own change talk.",
                )
            ),
        ],
        keywords=["motivaatio", "uraohjaus"],
        themes=["urasuunnittelu", "hyvinvointi-ja-elamanhallinta"],
        target_groups=["tyonhakijat", "nuoret-aikuiset"],
        sectors=["tyovoimapalvelut", "kolmas-sektori"],
        settings=["yksilo-ohjaus"],
        fields={
            "duration": "30–60 min",
            "group_size": "1",
            "goals": T(
                "Asiakkaan oma motivaatio muutokseen vahvistuu.",
                "Klientens egen motivation till förändring stärks.",
                "The client's own motivation for change grows stronger.",
            ),
        },
        languages=["fi", "sv", "en"],
    ),
    Item(
        M,
        "asiakastyohon/tyonhaku",
        "tyonhakuryhman-aloitus",
        T("Työnhakuryhmän aloitustapaaminen"),
        T(
            "Ensimmäisen tapaamisen rakenne, jolla ryhmä tutustuu, sopii pelisäännöt ja asettaa tavoitteet."
        ),
        body=[
            P(
                T(
                    "Hyvä aloitus luo turvallisuutta: jokainen tietää, mitä ryhmässä tehdään ja miksi."
                )
            )
        ],
        keywords=["tyonhaku", "ryhmaohjaus"],
        themes=["tyonhaku-ja-tyollistyminen"],
        target_groups=["tyonhakijat"],
        sectors=["tyovoimapalvelut", "kolmas-sektori"],
        settings=["ryhmaohjaus"],
        image="ryhma",
        fields={"duration": "2 h", "group_size": "8–15"},
        steps=[
            (T("Tutustuminen"), T("Nimikierros ja yksi asia, jonka kukin toivoo ryhmältä.")),
            (T("Pelisäännöt"), T("Ryhmä sopii luottamuksellisuudesta ja poissaoloista.")),
            (T("Omat tavoitteet"), T("Jokainen kirjaa yhden tavoitteen ryhmän ajalle.")),
        ],
    ),
    Item(
        M,
        "asiakastyohon/urasuunnittelu",
        "tulevaisuuden-muistelu",
        T("Tulevaisuuden muistelu"),
        T("Asiakas kuvittelee olevansa vuoden päässä ja muistelee, miten asiat järjestyivät."),
        body=[P(T("Menetelmä auttaa hahmottamaan toivottua tulevaisuutta ja sen polkua."))],
        keywords=["urasuunnitelma", "ratkaisukeskeisyys"],
        themes=["urasuunnittelu"],
        target_groups=["tyossa-olevat", "korkeakouluopiskelijat"],
        sectors=["korkeakoulutus", "yksityinen"],
        settings=["yksilo-ohjaus", "ryhmaohjaus"],
        fields={"duration": "45 min", "group_size": "1–10"},
        review="none",
    ),
    Item(
        M,
        "asiakastyohon/urasuunnittelu",
        "osaamiskartta",
        T("Osaamiskartta"),
        T("Visuaalinen kartta asiakkaan osaamisesta työssä, opinnoissa ja vapaa-ajalla."),
        body=[
            P(
                T(
                    "Kartta tekee näkyväksi myös epävirallisesti hankitun osaamisen, kuten järjestötyön ja harrastukset."
                )
            )
        ],
        keywords=["osaamisen-tunnistaminen", "vahvuudet"],
        themes=["osaaminen"],
        target_groups=["tyonhakijat", "maahanmuuttajat", "tyossa-olevat"],
        sectors=["tyovoimapalvelut", "muu-oppilaitos"],
        settings=["yksilo-ohjaus", "omatoiminen"],
        image="kompassi",
        fields={"duration": "60 min", "group_size": "1"},
    ),
    Item(
        M,
        "asiakastyohon/tyonhaku",
        "harjoitustyohaastattelu",
        T(
            "Harjoitustyöhaastattelu parin kanssa",
            "Övningsintervju i par",
            "Practice job interview in pairs",
        ),
        T(
            "Parit harjoittelevat haastattelua vuorotellen haastattelijana ja haastateltavana.",
            "Paren övar intervjun turvis som intervjuare och den som intervjuas.",
            "Pairs practise interviews, taking turns as interviewer and candidate.",
        ),
        body=[
            P(
                T(
                    "Harjoitus vähentää jännitystä ja antaa konkreettista palautetta vastauksista.",
                    "Övningen minskar nervositeten och ger konkret återkoppling på svaren.",
                    "The exercise eases nerves and gives concrete feedback on answers.",
                )
            )
        ],
        keywords=["tyohaastattelu", "tyonhaku"],
        themes=["tyonhaku-ja-tyollistyminen"],
        target_groups=["tyonhakijat", "toisen-asteen-opiskelijat", "korkeakouluopiskelijat"],
        sectors=["tyovoimapalvelut", "toinen-aste", "korkeakoulutus"],
        settings=["ryhmaohjaus"],
        fields={
            "duration": "60 min",
            "group_size": "4–16",
            "goals": T(
                "Osallistuja osaa kertoa osaamisestaan esimerkein.",
                "Deltagaren kan berätta om sin kompetens med exempel.",
                "Participants can describe their competences with examples.",
            ),
        },
        languages=["fi", "sv", "en"],
    ),
    Item(
        M,
        "asiakastyohon/digitaalinen-ohjaus",
        "verkkotapaamisen-rakenne",
        T("Toimiva verkkotapaamisen rakenne"),
        T("Selkeä rakenne pitää verkko-ohjauksen tapaamisen fokusoituna ja turvallisena."),
        body=[
            P(T("Aloita tekniikan tarkistuksella ja sovi, miten toimitaan, jos yhteys katkeaa."))
        ],
        keywords=["verkko-ohjaus"],
        themes=["digitaaliset-palvelut"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["verkko-ohjaus"],
        image="verkko",
        fields={"duration": "45 min", "group_size": "1–6"},
    ),
    Item(
        M,
        "asiakastyohon/urasuunnittelu",
        "unelmien-tyopaiva",
        T("Unelmien työpäivä -tarinatehtävä"),
        T("Asiakas kirjoittaa tai kertoo tarinan tavallisesta työpäivästä unelmatyössään."),
        body=[
            P(
                T(
                    "Tarinasta poimitaan arvot, työympäristö ja tehtävät, jotka asiakkaalle ovat tärkeitä."
                )
            )
        ],
        keywords=["itsetuntemus", "urasuunnitelma"],
        themes=["urasuunnittelu"],
        target_groups=["peruskoululaiset", "toisen-asteen-opiskelijat"],
        sectors=["perusopetus", "toinen-aste"],
        settings=["yksilo-ohjaus", "ryhmaohjaus", "omatoiminen"],
        fields={"duration": "30–45 min", "group_size": "1–25"},
    ),
    Item(
        M,
        "asiakastyohon/ryhmaohjaus",
        "arvokorttiharjoitus",
        T("Arvokorttiharjoitus"),
        T(
            "Osallistujat asettavat työhön liittyvät arvot tärkeysjärjestykseen ja vertaavat valintojaan."
        ),
        body=[P(T("Harjoitus auttaa ymmärtämään, miksi jokin työ tuntuu omalta ja toinen ei."))],
        keywords=["itsetuntemus", "ryhmaohjaus"],
        themes=["urasuunnittelu"],
        target_groups=["korkeakouluopiskelijat", "tyossa-olevat"],
        sectors=["korkeakoulutus"],
        settings=["ryhmaohjaus"],
        fields={"duration": "45 min", "group_size": "4–20"},
        review="overdue",
    ),
    Item(
        M,
        "asiakastyohon/urasuunnittelu",
        "ohjauskeskustelun-lopetus",
        T("Ohjauskeskustelun lopetus ja jatkosuunnitelma"),
        T(
            "Tiivistä keskustelu, sovi seuraavat askeleet ja varmista, että asiakas tietää, mistä saa apua."
        ),
        body=[
            P(
                T(
                    "Hyvä lopetus on yhtä tärkeä kuin hyvä alku: asiakas lähtee mukanaan selkeä suunnitelma."
                )
            )
        ],
        keywords=["urasuunnitelma"],
        themes=["urasuunnittelu"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["yksilo-ohjaus"],
        fields={"duration": "10 min", "group_size": "1"},
    ),
    # --- Tools ------------------------------------------------------------------------------
    Item(
        TL,
        "asiakastyohon/digitaalinen-ohjaus",
        "opintopolku",
        T(
            "Opintopolku: koulutustarjonta yhdestä paikasta",
            "Studieinfo: utbildningsutbudet på ett ställe",
            "Opintopolku: the education offer in one place",
        ),
        T(
            "Julkinen palvelu, josta löytyvät Suomen koulutukset ja jonka kautta haetaan opiskelemaan.",
            "En offentlig tjänst med Finlands utbildningar där man också ansöker om studieplats.",
            "A public service listing Finland's education and training, also used to apply for study places.",
        ),
        body=[
            P(
                T(
                    "Käy palvelu läpi asiakkaan kanssa: hakusanat, rajaukset ja hakuajat.",
                    "Gå igenom tjänsten med klienten: sökord, avgränsningar och ansökningstider.",
                    "Go through the service with the client: search terms, filters and application periods.",
                )
            )
        ],
        keywords=["koulutusvalinnat", "jatko-opinnot"],
        themes=["opiskelu-ja-koulutus", "digitaaliset-palvelut"],
        target_groups=["peruskoululaiset", "toisen-asteen-opiskelijat", "tyossa-olevat"],
        sectors=["perusopetus", "toinen-aste", "tyovoimapalvelut"],
        settings=["yksilo-ohjaus", "omatoiminen"],
        image="kirjat",
        fields={
            "tool_url": "https://opintopolku.fi/",
            "provider": "Opetushallitus",
            "cost": "free",
            "login_required": False,
            "accessibility_notes": T(
                "Palvelu on suomeksi, ruotsiksi ja englanniksi.",
                "Tjänsten finns på finska, svenska och engelska.",
                "The service is available in Finnish, Swedish and English.",
            ),
        },
        languages=["fi", "sv", "en"],
        organisation="Opetushallitus",
    ),
    Item(
        TL,
        "asiakastyohon/tyonhaku",
        "tyomarkkinatori",
        T("Työmarkkinatori", "Jobbmarknad Finland", "Job Market Finland"),
        T(
            "Julkinen verkkopalvelu avoimille työpaikoille, osaajaprofiileille ja työllisyyspalveluille.",
            "En offentlig webbtjänst för lediga jobb, kompetensprofiler och sysselsättningstjänster.",
            "A public online service for job vacancies, skills profiles and employment services.",
        ),
        body=[
            P(
                T(
                    "Osaajaprofiilin laatiminen yhdessä asiakkaan kanssa auttaa sanoittamaan osaamista.",
                    "Att göra en kompetensprofil tillsammans med klienten hjälper att sätta ord på kompetensen.",
                    "Building a skills profile with the client helps put their competences into words.",
                )
            )
        ],
        keywords=["tyonhaku", "tyoelamatieto"],
        themes=["tyonhaku-ja-tyollistyminen", "digitaaliset-palvelut"],
        target_groups=["tyonhakijat", "tyossa-olevat"],
        sectors=["tyovoimapalvelut"],
        settings=["yksilo-ohjaus", "omatoiminen"],
        image="tyo",
        fields={
            "tool_url": "https://tyomarkkinatori.fi/",
            "provider": "KEHA-keskus",
            "cost": "free",
            "login_required": True,
        },
        languages=["fi", "sv", "en"],
        organisation="KEHA-keskus",
    ),
    Item(
        TL,
        "tietoa-ohjaajalle/koulutus-ja-tyoelamatieto",
        "ammattibarometri-tyokalu",
        T("Ammattibarometri-työkalu"),
        T("Alueellinen arvio ammattien työllistymisnäkymistä puolen vuoden päähän."),
        body=[P(T("Työkalussa voi valita alueen ja ammattiryhmän ja vertailla näkymiä."))],
        keywords=["tyoelamatieto"],
        themes=["tyonhaku-ja-tyollistyminen"],
        target_groups=["tyonhakijat", "ohjaajat"],
        sectors=["tyovoimapalvelut"],
        settings=["yksilo-ohjaus"],
        fields={
            "tool_url": "https://tyomarkkinatori.fi/ammattibarometri",
            "provider": "KEHA-keskus",
            "cost": "free",
        },
    ),
    Item(
        TL,
        "asiakastyohon/ryhmaohjaus",
        "digitaalinen-ilmoitustaulu",
        T("Digitaalinen ilmoitustaulu ryhmäohjaukseen"),
        T("Yhteinen verkkoseinä, jolle ryhmä kokoaa ajatuksia, linkkejä ja kuvia."),
        body=[P(T("Käytä nimettömiä muistilappuja, kun aihe on henkilökohtainen."))],
        keywords=["ryhmaohjaus", "verkko-ohjaus"],
        themes=["digitaaliset-palvelut"],
        target_groups=["toisen-asteen-opiskelijat", "korkeakouluopiskelijat"],
        sectors=["toinen-aste", "korkeakoulutus"],
        settings=["ryhmaohjaus", "verkko-ohjaus"],
        image="verkko",
        fields={
            "tool_url": "https://example.fi/ilmoitustaulu",
            "provider": "Esimerkkipalvelu Oy",
            "cost": "freemium",
            "login_required": True,
            "accessibility_notes": T(
                "Ruudunlukijatuki on osittainen; tarjoa vaihtoehtoinen tapa osallistua."
            ),
        },
        licence="all-rights-reserved",
        review="none",
    ),
    Item(
        TL,
        "asiakastyohon/ryhmaohjaus",
        "alkukartoituskysely",
        T("Verkkokysely ryhmän alkukartoitukseen"),
        T("Lyhyt kysely ennen ryhmän alkua kertoo osallistujien toiveista ja lähtötilanteesta."),
        body=[P(T("Kysy enintään viisi asiaa ja kerro, mihin vastauksia käytetään."))],
        keywords=["ryhmaohjaus"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["ryhmaohjaus"],
        fields={
            "tool_url": "https://example.fi/kysely",
            "provider": "Esimerkkipalvelu Oy",
            "cost": "free",
        },
    ),
    Item(
        TL,
        "asiakastyohon/digitaalinen-ohjaus",
        "turvallinen-videotapaaminen",
        T("Turvallinen videotapaaminen etäohjaukseen"),
        T(
            "Tarkistuslista videotapaamisalustan valintaan: tietosuoja, saavutettavuus ja helppokäyttöisyys."
        ),
        body=[
            P(
                T(
                    "Valitse alusta, jonka organisaatiosi on hyväksynyt ja jossa asiakas voi liittyä ilman tiliä."
                )
            )
        ],
        keywords=["verkko-ohjaus", "etiikka"],
        themes=["digitaaliset-palvelut"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["verkko-ohjaus"],
        image="verkko",
        fields={
            "provider": "",
            "cost": "free",
            "accessibility_notes": T("Tekstitys ja chat tukevat kuulovammaisia osallistujia."),
        },
    ),
    Item(
        TL,
        "asiakastyohon/urasuunnittelu",
        "urakompassi",
        T("Urakompassi-itsearviointi"),
        T("Verkossa tehtävä itsearviointi kiinnostuksen kohteista ja työelämän arvoista."),
        body=[
            P(T("Tulokset ovat keskustelun pohja, eivät ammattisuositus. Käykää ne läpi yhdessä."))
        ],
        keywords=["itsetuntemus", "urasuunnitelma"],
        themes=["urasuunnittelu"],
        target_groups=["toisen-asteen-opiskelijat", "tyonhakijat"],
        sectors=["toinen-aste", "tyovoimapalvelut"],
        settings=["omatoiminen"],
        image="kompassi",
        fields={
            "tool_url": "https://example.fi/urakompassi",
            "provider": "Esimerkkisäätiö",
            "cost": "free",
        },
        review="overdue",
    ),
    Item(
        TL,
        "asiakastyohon/digitaalinen-ohjaus",
        "kuvat-ja-symbolit",
        T("Kuvat ja symbolit ohjauskeskustelun tukena"),
        T("Kuvapankit ja kommunikointikuvat auttavat, kun yhteistä kieltä on vähän."),
        body=[P(T("Kuvat konkretisoivat esimerkiksi päivän rakenteen, työtehtävät ja tunteet."))],
        keywords=["selkokieli", "saavutettavuus", "maahanmuuttajat"],
        themes=["digitaaliset-palvelut"],
        target_groups=["maahanmuuttajat", "peruskoululaiset"],
        sectors=["perusopetus", "kolmas-sektori"],
        settings=["yksilo-ohjaus"],
        fields={"tool_url": "https://papunet.net/", "provider": "Papunet", "cost": "free"},
    ),
    # --- Materials --------------------------------------------------------------------------
    Item(
        MA,
        "asiakastyohon/urasuunnittelu",
        "vahvuuksien-tunnistaminen-tehtavapohja",
        T(
            "Vahvuuksien tunnistaminen: tehtäväpohja",
            "Identifiera dina styrkor: arbetsblad",
            "Recognising strengths: worksheet",
        ),
        T(
            "Tulostettava tehtäväpohja, jolla asiakas listaa onnistumisiaan ja niissä näkyviä vahvuuksia.",
            "Ett utskrivbart arbetsblad där klienten listar framgångar och styrkor som syns i dem.",
            "A printable worksheet on which the client lists achievements and the strengths they show.",
        ),
        body=[
            P(
                T(
                    "Tehtävä sopii kotitehtäväksi ennen ohjaustapaamista.",
                    "Uppgiften passar som hemuppgift före vägledningsträffen.",
                    "The task works well as homework before a guidance session.",
                )
            )
        ],
        keywords=["vahvuudet", "itsetuntemus"],
        themes=["osaaminen"],
        target_groups=["tyonhakijat", "toisen-asteen-opiskelijat"],
        sectors=["tyovoimapalvelut", "toinen-aste"],
        settings=["omatoiminen", "yksilo-ohjaus"],
        fields={"material_format": "worksheet", "use_mode": "both"},
        attachment="vahvuudet",
        languages=["fi", "sv", "en"],
    ),
    Item(
        MA,
        "asiakastyohon/tyonhaku",
        "cv-pohja",
        T(
            "CV-pohja ja kirjoitusohjeet",
            "CV-mall och skrivanvisningar",
            "CV template and writing guide",
        ),
        T(
            "Selkeä CV-pohja ja ohjeet osaamisen kuvaamiseen konkreettisin esimerkein.",
            "En tydlig cv-mall och anvisningar för att beskriva kompetens med konkreta exempel.",
            "A clear CV template with guidance on describing competences through concrete examples.",
        ),
        body=[
            P(
                T(
                    "Pohja on muokattava ja toimii myös ruudunlukijalla.",
                    "Mallen kan redigeras och fungerar även med skärmläsare.",
                    "The template is editable and works with screen readers.",
                )
            )
        ],
        keywords=["cv", "tyonhaku"],
        themes=["tyonhaku-ja-tyollistyminen"],
        target_groups=["tyonhakijat", "korkeakouluopiskelijat"],
        sectors=["tyovoimapalvelut", "korkeakoulutus"],
        settings=["omatoiminen"],
        fields={"material_format": "worksheet", "use_mode": "self"},
        attachment="cv",
        languages=["fi", "sv", "en"],
    ),
    Item(
        MA,
        "asiakastyohon/urasuunnittelu",
        "urasuunnitelman-tyokirja",
        T("Urasuunnitelman työkirja"),
        T(
            "Kahdeksan tehtävän työkirja, joka kulkee itsetuntemuksesta konkreettiseen suunnitelmaan."
        ),
        body=[P(T("Työkirjaa voi käyttää useamman ohjaustapaamisen runkona."))],
        keywords=["urasuunnitelma", "itsetuntemus"],
        themes=["urasuunnittelu"],
        target_groups=["korkeakouluopiskelijat", "tyossa-olevat"],
        sectors=["korkeakoulutus", "yksityinen"],
        settings=["omatoiminen", "yksilo-ohjaus"],
        fields={"material_format": "guide", "use_mode": "both"},
        attachment="tyokirja",
    ),
    Item(
        MA,
        "asiakastyohon/tyonhaku",
        "tyohaastattelun-kysymyspankki",
        T("Työhaastattelun kysymyspankki"),
        T("Yleisimmät haastattelukysymykset ja vinkit vastausten valmisteluun."),
        body=[
            P(T("Kysymykset on ryhmitelty: motivaatio, osaaminen, yhteistyö ja tilannekysymykset."))
        ],
        keywords=["tyohaastattelu"],
        themes=["tyonhaku-ja-tyollistyminen"],
        target_groups=["tyonhakijat"],
        sectors=["tyovoimapalvelut"],
        settings=["omatoiminen", "ryhmaohjaus"],
        fields={"material_format": "exercise", "use_mode": "both"},
        attachment="kysymykset",
    ),
    Item(
        MA,
        "tietoa-ohjaajalle/etiikka-ja-laatu",
        "muistiinpanopohja",
        T("Ohjauskeskustelun muistiinpanopohja"),
        T("Tietosuojan huomioiva pohja, johon kirjataan vain tarpeellinen."),
        body=[
            P(
                T(
                    "Pohjassa on valmiina kohdat tavoitteelle, sovituille askelille ja seuraavalle tapaamiselle."
                )
            )
        ],
        keywords=["etiikka"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["yksilo-ohjaus"],
        fields={"material_format": "worksheet", "use_mode": "with_counsellor"},
        attachment="muistiinpanot",
        review="none",
    ),
    Item(
        MA,
        "asiakastyohon/urasuunnittelu",
        "selkokielinen-opas-koulutusvalintaan",
        T("Selkokielinen opas koulutusvalintaan"),
        T("Lyhyt, kuvitettu opas koulutuksen valinnasta selkokielellä."),
        body=[
            P(T("Opas sopii maahan muuttaneille ja kaikille, joille pitkät tekstit ovat vaikeita."))
        ],
        keywords=["selkokieli", "koulutusvalinnat", "maahanmuuttajat"],
        themes=["opiskelu-ja-koulutus"],
        target_groups=["maahanmuuttajat", "peruskoululaiset"],
        sectors=["perusopetus", "muu-oppilaitos"],
        settings=["omatoiminen"],
        image="kirjat",
        fields={"material_format": "guide", "use_mode": "self"},
        languages=["fi", "fi-selko"],
    ),
    Item(
        MA,
        "tietoa-ohjaajalle/ajankohtaista",
        "video-mita-uraohjaus-on",
        T("Video: Mitä uraohjaus on?"),
        T("Kolmen minuutin video, jolla voit esitellä ohjausta asiakkaalle tai ryhmälle."),
        body=[P(T("Videossa on tekstitys suomeksi ja ruotsiksi."))],
        keywords=["uraohjaus"],
        themes=["urasuunnittelu"],
        target_groups=["peruskoululaiset", "tyonhakijat"],
        sectors=["perusopetus", "tyovoimapalvelut"],
        settings=["ryhmaohjaus", "omatoiminen"],
        fields={"material_format": "video", "use_mode": "both"},
        languages=["fi", "sv"],
    ),
    Item(
        MA,
        "asiakastyohon/ryhmaohjaus",
        "tunnekortit",
        T("Tunnekortit ohjauskeskusteluun"),
        T("Kuvakortit tunteiden sanoittamiseen, kun muutos herättää epävarmuutta."),
        body=[P(T("Pyydä asiakasta valitsemaan kortti, joka kuvaa hänen tunnettaan juuri nyt."))],
        keywords=["hyvinvointi", "nuoret"],
        themes=["hyvinvointi-ja-elamanhallinta"],
        target_groups=["peruskoululaiset", "nuoret-aikuiset"],
        sectors=["perusopetus", "kolmas-sektori"],
        settings=["yksilo-ohjaus", "ryhmaohjaus"],
        fields={"material_format": "exercise", "use_mode": "with_counsellor"},
    ),
    # --- Trainings --------------------------------------------------------------------------
    Item(
        TR,
        "osaamisen-kehittaminen/koulutukset",
        "ryhmaohjauksen-menetelmat-verkkokurssi",
        T(
            "Ryhmäohjauksen menetelmät -verkkokurssi",
            "Metoder för gruppvägledning – nätkurs",
            "Group guidance methods: online course",
        ),
        T(
            "Kuuden viikon verkkokurssi ryhmäohjauksen suunnitteluun ja toteutukseen.",
            "En sex veckor lång nätkurs om planering och genomförande av gruppvägledning.",
            "A six-week online course on planning and running group guidance.",
        ),
        body=[
            P(
                T(
                    "Kurssi sisältää viikoittaiset tehtävät ja kaksi etätapaamista.",
                    "Kursen innehåller veckouppgifter och två distansträffar.",
                    "The course includes weekly tasks and two online meetings.",
                )
            )
        ],
        keywords=["ryhmaohjaus"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["verkko-ohjaus"],
        image="ryhma",
        fields={
            "provider": "Esimerkkiyliopisto, täydennyskoulutus",
            "training_format": "online",
            "credits": 5,
            "credit_unit": "opintopistettä",
            "registration_url": "https://example.fi/koulutukset/ryhmaohjaus",
            "starts_in_days": 40,
            "length_days": 42,
        },
        languages=["fi", "sv", "en"],
    ),
    Item(
        TR,
        "osaamisen-kehittaminen/koulutukset",
        "ratkaisukeskeisen-ohjauksen-perusteet",
        T("Ratkaisukeskeisen ohjauksen perusteet"),
        T("Kaksipäiväinen lähikoulutus ratkaisukeskeisen keskustelun perustekniikoista."),
        body=[P(T("Koulutuksessa harjoitellaan paljon pareittain."))],
        keywords=["ratkaisukeskeisyys"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["yksilo-ohjaus"],
        fields={
            "provider": "Esimerkkiopisto",
            "training_format": "contact",
            "places": "Tampere",
            "registration_url": "https://example.fi/koulutukset/ratkaisukeskeisyys",
            "starts_in_days": 75,
            "length_days": 1,
        },
    ),
    Item(
        TR,
        "osaamisen-kehittaminen/koulutukset",
        "digitaalisen-ohjauksen-tyopaja",
        T("Digitaalisen ohjauksen työpaja"),
        T("Kolmen tunnin työpaja verkko-ohjauksen käytännöistä ja välineistä."),
        body=[
            P(T("Työpajassa kokeillaan vuorovaikutteisia työkaluja ja jaetaan hyviä käytäntöjä."))
        ],
        keywords=["verkko-ohjaus"],
        themes=["digitaaliset-palvelut", "ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["verkko-ohjaus"],
        image="verkko",
        fields={
            "provider": "Esimerkkijärjestö ry",
            "training_format": "online",
            "registration_url": "https://example.fi/koulutukset/digityopaja",
            "starts_in_days": 20,
            "length_days": 0,
        },
    ),
    Item(
        TR,
        "osaamisen-kehittaminen/koulutukset",
        "monikulttuurisen-ohjauksen-taydennyskoulutus",
        T("Monikulttuurisen ohjauksen täydennyskoulutus"),
        T(
            "Laaja täydennyskoulutus maahan muuttaneiden ohjaukseen ja kulttuurisensitiiviseen työotteeseen."
        ),
        body=[
            P(
                T(
                    "Koulutus koostuu lähipäivistä, verkko-opinnoista ja kehittämistehtävästä omassa työssä."
                )
            )
        ],
        keywords=["maahanmuuttajat", "uraohjaus"],
        themes=["ohjaustyon-kehittaminen"],
        target_groups=["ohjaajat"],
        sectors=["muu"],
        settings=["ryhmaohjaus"],
        fields={
            "provider": "Esimerkkiammattikorkeakoulu",
            "training_format": "blended",
            "credits": 15,
            "credit_unit": "opintopistettä",
            "places": "Helsinki, Turku",
            "registration_url": "https://example.fi/koulutukset/monikulttuurinen",
            "starts_in_days": 100,
            "length_days": 180,
        },
    ),
]

ATTACHMENTS = {
    "vahvuudet": (
        "Vahvuuksien tunnistaminen – tehtäväpohja",
        [
            "Vahvuuksien tunnistaminen",
            "1. Kirjoita kolme asiaa, joissa olet onnistunut viimeisen vuoden aikana.",
            "2. Mitä teit itse, että onnistuit? Mitä taitoja käytit?",
            "3. Kuka muu on huomannut vahvuutesi? Mitä hän sanoisi?",
            "4. Missä voisit käyttää näitä vahvuuksia opinnoissa tai työssä?",
        ],
    ),
    "cv": (
        "CV-pohja",
        [
            "Ansioluettelo",
            "Nimi, yhteystiedot ja lyhyt kuvaus itsestäsi ammatillisesti.",
            "Työkokemus: tehtävänimike, työnantaja, aika ja tärkeimmät tehtävät ja saavutukset.",
            "Koulutus ja osaaminen: tutkinnot, kurssit, osaamismerkit ja kielitaito.",
        ],
    ),
    "tyokirja": (
        "Urasuunnitelman työkirja",
        [
            "Urasuunnitelman työkirja",
            "Tehtävä 1: Elämänjana. Tehtävä 2: Arvot. Tehtävä 3: Kiinnostuksen kohteet.",
            "Tehtävä 4: Osaamiskartta. Tehtävä 5: Vaihtoehdot. Tehtävä 6: Tiedonhaku.",
            "Tehtävä 7: Päätös. Tehtävä 8: Ensimmäiset askeleet ja aikataulu.",
        ],
    ),
    "kysymykset": (
        "Työhaastattelun kysymyspankki",
        [
            "Työhaastattelun kysymyspankki",
            "Kerro itsestäsi. Miksi haet juuri tätä työtä? Mitkä ovat vahvuutesi?",
            "Kerro tilanteesta, jossa ratkaisit ongelman yhdessä muiden kanssa.",
        ],
    ),
    "muistiinpanot": (
        "Ohjauskeskustelun muistiinpanopohja",
        [
            "Ohjauskeskustelun muistiinpanot",
            "Päivämäärä. Asiakkaan tavoite omin sanoin. Sovitut askeleet. Seuraava tapaaminen.",
            "Kirjaa vain ohjauksen kannalta tarpeellinen tieto.",
        ],
    ),
}
