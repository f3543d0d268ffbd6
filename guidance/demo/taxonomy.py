"""Demo vocabularies: slug → (Finnish, Swedish, English)."""

KEYWORDS = {
    "uraohjaus": ("uraohjaus", "karriärvägledning", "career guidance"),
    "ryhmaohjaus": ("ryhmäohjaus", "gruppvägledning", "group guidance"),
    "verkko-ohjaus": ("verkko-ohjaus", "vägledning på nätet", "online guidance"),
    "itsetuntemus": ("itsetuntemus", "självkännedom", "self-knowledge"),
    "tyonhaku": ("työnhaku", "arbetssökande", "job search"),
    "osaamisen-tunnistaminen": (
        "osaamisen tunnistaminen",
        "identifiering av kompetens",
        "recognising competences",
    ),
    "elinikainen-oppiminen": ("elinikäinen oppiminen", "livslångt lärande", "lifelong learning"),
    "motivaatio": ("motivaatio", "motivation", "motivation"),
    "ratkaisukeskeisyys": ("ratkaisukeskeisyys", "lösningsfokus", "solution focus"),
    "tyoelamatieto": ("työelämätieto", "arbetslivsinformation", "labour market information"),
    "koulutusvalinnat": ("koulutusvalinnat", "utbildningsval", "educational choices"),
    "maahanmuuttajat": ("maahanmuuttajat", "invandrare", "immigrants"),
    "nuoret": ("nuoret", "unga", "young people"),
    "aikuiset": ("aikuiset", "vuxna", "adults"),
    "hyvinvointi": ("hyvinvointi", "välbefinnande", "wellbeing"),
    "saavutettavuus": ("saavutettavuus", "tillgänglighet", "accessibility"),
    "etiikka": ("ohjauksen etiikka", "vägledningsetik", "guidance ethics"),
    "cv": ("CV", "cv", "CV"),
    "tyohaastattelu": ("työhaastattelu", "anställningsintervju", "job interview"),
    "urasuunnitelma": ("urasuunnitelma", "karriärplan", "career plan"),
    "jatko-opinnot": ("jatko-opinnot", "fortsatta studier", "further studies"),
    "tyonohjaus": ("työnohjaus", "arbetshandledning", "clinical supervision"),
    "vahvuudet": ("vahvuudet", "styrkor", "strengths"),
    "selkokieli": ("selkokieli", "lättläst språk", "easy language"),
}

THEMES = {
    "urasuunnittelu": ("Urasuunnittelu", "Karriärplanering", "Career planning"),
    "tyonhaku-ja-tyollistyminen": (
        "Työnhaku ja työllistyminen",
        "Arbetssökande och sysselsättning",
        "Job search and employment",
    ),
    "opiskelu-ja-koulutus": (
        "Opiskelu ja koulutus",
        "Studier och utbildning",
        "Studies and education",
    ),
    "osaaminen": (
        "Osaaminen ja sen tunnistaminen",
        "Kompetens och dess identifiering",
        "Competences",
    ),
    "hyvinvointi-ja-elamanhallinta": (
        "Hyvinvointi ja elämänhallinta",
        "Välbefinnande och livshantering",
        "Wellbeing and life management",
    ),
    "ohjaustyon-kehittaminen": (
        "Ohjaustyön kehittäminen",
        "Utveckling av vägledningsarbetet",
        "Developing guidance work",
    ),
    "digitaaliset-palvelut": ("Digitaaliset palvelut", "Digitala tjänster", "Digital services"),
}

TARGET_GROUPS = {
    "peruskoululaiset": (
        "Perusopetuksen oppilaat",
        "Elever i grundläggande utbildning",
        "Comprehensive school pupils",
    ),
    "toisen-asteen-opiskelijat": (
        "Toisen asteen opiskelijat",
        "Studerande på andra stadiet",
        "Upper secondary students",
    ),
    "korkeakouluopiskelijat": (
        "Korkeakouluopiskelijat",
        "Högskolestuderande",
        "Higher education students",
    ),
    "tyonhakijat": ("Työnhakijat", "Arbetssökande", "Jobseekers"),
    "tyossa-olevat": ("Työssä olevat aikuiset", "Vuxna i arbetslivet", "Employed adults"),
    "maahanmuuttajat": ("Maahan muuttaneet", "Inflyttade", "Immigrants"),
    "nuoret-aikuiset": (
        "Koulutuksen ja työn ulkopuolella olevat nuoret",
        "Unga utanför utbildning och arbete",
        "Young people not in education or work",
    ),
    "ohjaajat": ("Ohjaajat", "Vägledare", "Counsellors"),
}

SECTORS = {
    "perusopetus": ("Perusopetus", "Grundläggande utbildning", "Basic education"),
    "toinen-aste": ("Toinen aste", "Andra stadiet", "Upper secondary education"),
    "korkeakoulutus": ("Korkeakoulutus", "Högskoleutbildning", "Higher education"),
    "muu-oppilaitos": ("Muu oppilaitos", "Annan läroanstalt", "Other educational institution"),
    "tyovoimapalvelut": ("Työvoimapalvelut", "Arbetskraftstjänster", "Employment services"),
    "kolmas-sektori": ("Kolmas sektori", "Tredje sektorn", "Third sector"),
    "yksityinen": ("Yksityinen sektori", "Privata sektorn", "Private sector"),
    "muu": ("Muu", "Annan", "Other"),
}

SETTINGS = {
    "yksilo-ohjaus": ("Yksilöohjaus", "Individuell vägledning", "Individual guidance"),
    "ryhmaohjaus": ("Ryhmäohjaus", "Gruppvägledning", "Group guidance"),
    "verkko-ohjaus": ("Verkko-ohjaus", "Vägledning på nätet", "Online guidance"),
    "omatoiminen": ("Omatoiminen työskentely", "Självständigt arbete", "Self-directed work"),
}

VOCABULARIES = {
    "keywords": KEYWORDS,
    "themes": THEMES,
    "target_groups": TARGET_GROUPS,
    "sectors": SECTORS,
    "settings": SETTINGS,
}
