"""Countries and their adjectives, for pipelines without a statistical model.

The rule-based pipeline has no entity recogniser to tell "Russian" (a
country's adjective) from a name; this short gazetteer lets organisation
names be compared without the country words ("Russian State Duma" and
"Russia's State Duma" are one body) on either path.
"""

from __future__ import annotations

# country: adjective(s); alternate names separated by "|".
_COUNTRIES = """
Afghanistan:Afghan Albania:Albanian Algeria:Algerian Argentina:Argentine|Argentinian
Armenia:Armenian Australia:Australian Austria:Austrian Azerbaijan:Azerbaijani
Bangladesh:Bangladeshi Belarus:Belarusian Belgium:Belgian Bolivia:Bolivian Bosnia:Bosnian
Brazil:Brazilian Britain:British Bulgaria:Bulgarian Cambodia:Cambodian Canada:Canadian
Chile:Chilean China:Chinese Colombia:Colombian Croatia:Croatian Cuba:Cuban Cyprus:Cypriot
Czechia:Czech Denmark:Danish Ecuador:Ecuadorian Egypt:Egyptian England:English
Estonia:Estonian Ethiopia:Ethiopian Finland:Finnish France:French Georgia:Georgian
Germany:German Ghana:Ghanaian Greece:Greek Hungary:Hungarian Iceland:Icelandic India:Indian
Indonesia:Indonesian Iran:Iranian Iraq:Iraqi Ireland:Irish Israel:Israeli Italy:Italian
Japan:Japanese Jordan:Jordanian Kazakhstan:Kazakh Kenya:Kenyan Korea:Korean Kuwait:Kuwaiti
Kyrgyzstan:Kyrgyz Laos:Lao Latvia:Latvian Lebanon:Lebanese Libya:Libyan
Lithuania:Lithuanian Malaysia:Malaysian Mexico:Mexican Moldova:Moldovan Mongolia:Mongolian
Morocco:Moroccan Myanmar:Myanmar Nepal:Nepali Netherlands:Dutch Nigeria:Nigerian
Norway:Norwegian Pakistan:Pakistani Palestine:Palestinian Peru:Peruvian
Philippines:Philippine|Filipino Poland:Polish Portugal:Portuguese Qatar:Qatari
Romania:Romanian Russia:Russian Rwanda:Rwandan Scotland:Scottish Serbia:Serbian
Singapore:Singaporean Slovakia:Slovak Slovenia:Slovenian Somalia:Somali Spain:Spanish
Sudan:Sudanese Sweden:Swedish Switzerland:Swiss Syria:Syrian Taiwan:Taiwanese
Tajikistan:Tajik Tanzania:Tanzanian Thailand:Thai Tunisia:Tunisian Turkey:Turkish|Turkiye
Turkmenistan:Turkmen Uganda:Ugandan Ukraine:Ukrainian Uzbekistan:Uzbek Venezuela:Venezuelan
Vietnam:Vietnamese Wales:Welsh Yemen:Yemeni Zambia:Zambian Zimbabwe:Zimbabwean
America:American USA:American US:American UK:British
"""


def _words() -> frozenset[str]:
    words: set[str] = set()
    for entry in _COUNTRIES.split():
        country, adjectives = entry.split(":")
        words.add(country.lower())
        words.update(a.lower() for a in adjectives.split("|"))
    return frozenset(words)


# Lower-cased country names and adjectives.
PLACE_WORDS = _words()
