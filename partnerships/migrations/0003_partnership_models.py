"""The partnership models the guide starts with (issue #12), in both official languages.

Editors keep the list afterwards (partnerships.models.PartnershipModel): running this again
updates these seven rows by their keys and leaves every other row alone; reversing it removes
only these keys. The terms follow the glossary and locale/terminology.csv where they have one
(« centre d’appels »).
"""

from django.db import migrations

# key, (English name, French name), (English description, French description)
MODELS = [
    (
        "cross-promotion",
        ("Cross promotion", "Promotion croisée"),
        (
            "One government promotes another's programs and services to its own clients, "
            "through its offices, publications, websites or social media.",
            "Une administration fait connaître à sa clientèle les programmes et services d’une "
            "autre, dans ses bureaux, ses publications, ses sites Web ou ses médias sociaux.",
        ),
    ),
    (
        "co-location",
        ("Co-location", "Colocalisation"),
        (
            "Two or more governments serve clients from the same building or office, each "
            "with its own staff and counters, so that clients make one trip instead of several.",
            "Deux administrations ou plus servent leur clientèle dans le même immeuble ou le "
            "même bureau, chacune avec son personnel et ses comptoirs : la clientèle se déplace "
            "une fois plutôt que plusieurs.",
        ),
    ),
    (
        "shared-front-counter",
        ("Shared front counter", "Comptoir de services partagé"),
        (
            "Staff of one organization deliver services on behalf of other governments at "
            "one counter, under an agreement that sets out what each partner is responsible "
            "for.",
            "Le personnel d’une organisation offre des services au nom d’autres "
            "administrations à un même comptoir, selon une entente qui précise les "
            "responsabilités de chaque partenaire.",
        ),
    ),
    (
        "outreach",
        ("Outreach from a partner's office", "Services d’approche dans le bureau d’un partenaire"),
        (
            "Staff of one government visit a partner's office on scheduled days to serve "
            "clients in a community where they have no office of their own.",
            "Le personnel d’une administration se rend dans le bureau d’un partenaire à des "
            "jours fixés d’avance pour servir la clientèle d’une collectivité où il n’a pas de "
            "bureau.",
        ),
    ),
    (
        "integrated-call-centre",
        ("Integrated call centre", "Centre d’appels intégré"),
        (
            "One telephone number and one call centre answer clients' questions about the "
            "services of several governments, and pass on what they cannot answer.",
            "Un seul numéro de téléphone et un seul centre d’appels répondent aux questions de "
            "la clientèle sur les services de plusieurs administrations, et transmettent ce "
            "qui dépasse leur mandat.",
        ),
    ),
    (
        "shared-online-service",
        ("Shared online service", "Service en ligne partagé"),
        (
            "Clients complete, in one online service or account, steps that used to be "
            "taken with each government separately.",
            "La clientèle effectue dans un même service ou compte en ligne des démarches "
            "qu’elle devait auparavant faire auprès de chaque administration séparément.",
        ),
    ),
    (
        "data-sharing",
        ("Data sharing", "Partage de données"),
        (
            "With the client's consent and under the applicable privacy laws, governments "
            "share information so that clients do not have to give it more than once.",
            "Avec le consentement de la personne et dans le respect des lois sur la protection "
            "des renseignements personnels, les administrations se communiquent des "
            "renseignements afin que la clientèle n’ait pas à les fournir plus d’une fois.",
        ),
    ),
]


def seed(apps, schema_editor):
    PartnershipModel = apps.get_model("partnerships", "PartnershipModel")
    for order, (key, (name_en, name_fr), (description_en, description_fr)) in enumerate(
        MODELS, start=1
    ):
        PartnershipModel.objects.update_or_create(
            key=key,
            defaults={
                # The untranslated column holds the default language's text (modeltranslation).
                "name": name_en,
                "name_en": name_en,
                "name_fr": name_fr,
                "description": description_en,
                "description_en": description_en,
                "description_fr": description_fr,
                "order": order * 10,
            },
        )


def unseed(apps, schema_editor):
    PartnershipModel = apps.get_model("partnerships", "PartnershipModel")
    PartnershipModel.objects.filter(key__in=[key for key, _names, _texts in MODELS]).delete()


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0002_search_postgres")]
    operations = [migrations.RunPython(seed, unseed)]
