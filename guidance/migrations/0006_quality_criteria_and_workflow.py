"""The first quality criteria set (fi, sv, en) and the "Quality review" workflow on every page.

The criteria follow the service plan's quality principles for guidance content: relevant to
lifelong guidance, accurate and current, sources cited, lawful and ethical, accessible, in plain
language, non-discriminatory, openly available and free, clearly licensed, free of advertising,
and usable with instructions.
"""

import datetime
import uuid

from django.db import migrations

ALL = []
CLIENT_WORK = ["method", "tool", "material"]

CRITERIA = [
    ("relevance", True, ALL,
     ("Merkitys elinikäiselle ohjaukselle", "Relevans för livslång vägledning", "Relevance to lifelong guidance"),
     ("Sisältö tukee ohjaajan työtä tai asiakkaan ura-, koulutus- tai työelämäsuunnittelua.",
      "Innehållet stöder vägledarens arbete eller klientens karriär-, utbildnings- eller arbetslivsplanering.",
      "The content supports the counsellor's work or the client's career, education or working-life planning."),
     "Kysy: kenen ohjaustilanteessa tätä käytetään ja mitä se auttaa saavuttamaan?"),
    ("accuracy", True, ALL,
     ("Paikkansapitävyys ja ajantasaisuus", "Korrekthet och aktualitet", "Accuracy and currency"),
     ("Tiedot ovat oikein ja ajan tasalla; vanhentuneet viittaukset lakeihin ja palveluihin on päivitetty.",
      "Uppgifterna är korrekta och aktuella; föråldrade hänvisningar till lagar och tjänster är uppdaterade.",
      "The information is correct and current; outdated references to laws and services are updated."),
     "Tarkista palvelujen nimet, lakiviittaukset ja linkit."),
    ("sources", True, ["article", "method", "material"],
     ("Lähteet mainittu", "Källor angivna", "Sources cited"),
     ("Tietojen ja menetelmän tausta (tutkimus, teoria tai kokemus) on kerrottu ja lähteet mainittu.",
      "Bakgrunden till uppgifterna och metoden (forskning, teori eller erfarenhet) är beskriven och källorna angivna.",
      "The basis of the information or method (research, theory or experience) is described and sources cited."),
     ""),
    ("lawful-ethical", True, ALL,
     ("Lainmukaisuus ja ohjauksen eettiset periaatteet", "Laglighet och vägledningens etiska principer",
      "Lawful and in line with guidance ethics"),
     ("Sisältö noudattaa lakia (mm. tietosuoja, tekijänoikeus) ja ohjauksen eettisiä periaatteita.",
      "Innehållet följer lagen (bl.a. dataskydd, upphovsrätt) och vägledningens etiska principer.",
      "The content complies with the law (data protection, copyright) and the ethics of guidance."),
     "Kerääkö työkalu asiakkaan henkilötietoja? Onko siihen peruste ja seloste?"),
    ("accessible", True, ALL,
     ("Saavutettavuus", "Tillgänglighet", "Accessibility"),
     ("Sisältö on saavutettava (WCAG 2.1 AA) tai sen saavutettavuuden puutteet on kerrottu.",
      "Innehållet är tillgängligt (WCAG 2.1 AA) eller dess brister i tillgänglighet är beskrivna.",
      "The content is accessible (WCAG 2.1 AA) or its accessibility gaps are described."),
     "Kuvilla on vaihtoehtoiset tekstit, videoilla tekstitys, dokumentit toimivat ruudunlukijalla."),
    ("plain-language", False, ALL,
     ("Selkeä kieli", "Klarspråk", "Plain language"),
     ("Teksti on selkeää yleiskieltä, ja ammattitermit on selitetty.",
      "Texten är klart allmänspråk och fackterminer är förklarade.",
      "The text is in plain language and technical terms are explained."),
     ""),
    ("non-discriminatory", True, ALL,
     ("Yhdenvertaisuus", "Likabehandling", "Non-discrimination"),
     ("Sisältö ei syrji eikä vahvista stereotypioita sukupuolen, alkuperän, iän tai vamman perusteella.",
      "Innehållet diskriminerar inte och förstärker inte stereotyper om kön, ursprung, ålder eller funktionsnedsättning.",
      "The content does not discriminate or reinforce stereotypes based on gender, origin, age or disability."),
     ""),
    ("open-free", True, CLIENT_WORK,
     ("Avoimesti saatavilla ja maksuton", "Öppet tillgängligt och avgiftsfritt", "Openly available and free"),
     ("Ohjaaja ja asiakas voivat käyttää sisältöä maksutta; maksulliset lisäosat on kerrottu selvästi.",
      "Vägledaren och klienten kan använda innehållet avgiftsfritt; avgiftsbelagda tillägg anges tydligt.",
      "Counsellors and clients can use it free of charge; paid extras are clearly stated."),
     ""),
    ("licence", True, CLIENT_WORK,
     ("Selkeä käyttölupa", "Tydlig licens", "Clear licence"),
     ("Käyttöoikeus ja lisenssi on kerrottu, ja se sallii käytön ohjauksessa.",
      "Användningsrätten och licensen är angivna och tillåter användning i vägledning.",
      "The rights and licence are stated and allow use in guidance."),
     ""),
    ("no-advertising", True, ALL,
     ("Ei mainontaa", "Ingen reklam", "No advertising"),
     ("Sisältö ei mainosta kaupallisia tuotteita tai palveluita eikä ohjaa niiden ostamiseen.",
      "Innehållet gör inte reklam för kommersiella produkter eller tjänster.",
      "The content does not advertise commercial products or services."),
     ""),
    ("instructions", False, CLIENT_WORK,
     ("Käyttöohjeet", "Bruksanvisning", "Instructions for use"),
     ("Mukana on ohjeet käyttöön ohjaustilanteessa: tavoite, kesto, valmistelu ja vaiheet.",
      "Anvisningar för användning i vägledningen finns: mål, tidsåtgång, förberedelser och steg.",
      "Instructions for use in guidance are included: aim, duration, preparation and steps."),
     ""),
    ("currency-of-tool", False, ["tool"],
     ("Työkalun ylläpito", "Verktygets underhåll", "Tool is maintained"),
     ("Työkalu on toiminnassa ja sen ylläpitäjä on tiedossa.",
      "Verktyget fungerar och dess förvaltare är känd.",
      "The tool works and who maintains it is known."),
     ""),
]


def create(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    CriteriaSet = apps.get_model("guidance", "QualityCriteriaSet")
    Criterion = apps.get_model("guidance", "QualityCriterion")
    locales = {code: Locale.objects.get(language_code=code) for code in ("fi", "sv", "en")}
    criteria_set = CriteriaSet.objects.create(
        version=1, title="Ohjaajan osion laatukriteerit 2026", valid_from=datetime.date(2026, 1, 1),
        is_current=True,
    )
    for order, (code, mandatory, applies_to, titles, descriptions, guidance) in enumerate(CRITERIA):
        key = uuid.uuid4()
        for index, language in enumerate(("fi", "sv", "en")):
            Criterion.objects.create(
                translation_key=key, locale=locales[language], criteria_set=criteria_set, code=code,
                sort_order=order, title=titles[index], description=descriptions[index],
                reviewer_guidance=guidance if language == "fi" else "", mandatory=mandatory,
                applies_to=applies_to,
            )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    QualityReviewTask = apps.get_model("guidance", "QualityReviewTask")
    Page = apps.get_model("wagtailcore", "Page")

    check = GroupApprovalTask.objects.create(
        name="Sisällön tarkistus (toimitus)",
        content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0],
    )
    check.groups.set([Group.objects.get(name="Editors")])
    review = QualityReviewTask.objects.create(
        name="Laatuarviointi",
        content_type=ContentType.objects.get_or_create(app_label="guidance", model="qualityreviewtask")[0],
    )
    review.groups.set([Group.objects.get(name="Quality reviewers")])
    workflow = Workflow.objects.create(name="Quality review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=check, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=1)
    root = Page.objects.get(depth=1)
    # Replaces Wagtail's default "Moderators approval" on the root: every page goes through it.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0005_quality"),
        ("cms", "0003_locales_and_editor_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
