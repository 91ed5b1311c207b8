"""The event stage on sentences written for these tests: triggers, types and roles."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box
from spacy.tokens import Doc

from geo.types import AreaKind, AreaSpec, Mention, MentionKind, Place, Precision, Resolved
from layers.events import _share_with_participles, detect_events
from layers.location_model import LocationModel, load_location_model
from layers.registry import load_layers
from layers.roles import _named_after_its_kind
from layers.triggers import trigger_keys
from layers.types import EventLocation, ReportedEvent


@pytest.fixture(scope="module")
def layers():
    return load_layers()


def _mention(text: str, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(
        start, start + len(name), name, MentionKind.TOPONYM, name, start, start + len(name)
    )


def _events(nlp, layers, text: str, names: list[str], places: dict[str, Place] | None = None):
    places = places or {}
    resolved = [Resolved(_mention(text, n), places.get(n)) for n in names]
    return detect_events(nlp(text), resolved, layers=layers, article_date="2024-03-01")


def _located(pipeline, text: str, *, scored: bool = True, article_date: str | None = None):
    """The events of ``text`` with its places found and resolved by the pipeline."""
    doc = pipeline.parse(text)
    model = load_location_model() if scored else None
    return detect_events(
        doc, pipeline.locate(doc), layers=pipeline.layers, model=model, article_date=article_date
    )


def _where(events, text: str) -> dict[str, set[str]]:
    """Event type -> the names of the places where it happened."""
    found: dict[str, set[str]] = {}
    for event in events:
        names = {text[loc.start : loc.end] for loc in event.locations}
        found.setdefault(event.type, set()).update(names)
    return found


def _reports(nlp, layers, text: str, type_id: str) -> bool:
    """Whether the text reports an event of that type (places aside)."""
    return type_id in {e.type for e in _events(nlp, layers, text, [])}


def _layers_at(events, text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in events:
        for loc in event.locations:
            found.setdefault(text[loc.start : loc.end], set()).add(event.layer)
    return found


# One case per role the issue names: each place is, or is not, where it happened.
ROLE_CASES = [
    ("target", "Russian missiles struck Kharkiv overnight.", ["Kharkiv"], {"Kharkiv"}, set()),
    (
        "location hanging off the object",
        "Russian missiles struck port infrastructure in Odesa.",
        ["Odesa"],
        {"Odesa"},
        set(),
    ),
    (
        "location hanging off the subject's verb",
        "The conference opened in Amman on Monday.",
        ["Amman"],
        {"Amman"},
        set(),
    ),
    (
        "destination of a visit",
        "A visit by a Turkish delegation to Moscow ended on Friday.",
        ["Moscow"],
        {"Moscow"},
        set(),
    ),
    ("compound", "The Vienna talks ended without a deal.", ["Vienna"], {"Vienna"}, set()),
    (
        "actor after 'by'",
        "The convoy was attacked by Serbia near Pristina.",
        ["Serbia", "Pristina"],
        {"Pristina"},
        {"Serbia"},
    ),
    (
        "actor as subject",
        "Moscow said the talks in Geneva had failed.",
        ["Moscow", "Geneva"],
        {"Geneva"},
        {"Moscow"},
    ),
    (
        "origin",
        "A drone launched from Lebanon was intercepted over Haifa.",
        ["Lebanon", "Haifa"],
        {"Haifa"},
        {"Lebanon"},
    ),
    (
        "owner of a thing",
        "Houthi forces shot down a US MQ-9 drone over Marib.",
        ["US", "Marib"],
        {"Marib"},
        {"US"},
    ),
    (
        "flag of a ship",
        "Gunmen seized a Panamanian tanker off Sohar.",
        ["Panamanian", "Sohar"],
        {"Sohar"},
        {"Panamanian"},
    ),
    (
        "topic of talks",
        "Officials met in Tehran to discuss security coordination in Syria.",
        ["Tehran", "Syria"],
        {"Tehran"},
        {"Syria"},
    ),
    (
        "topic after 'on'",
        "Envoys held talks on Yemen in Muscat.",
        ["Yemen", "Muscat"],
        {"Muscat"},
        {"Yemen"},
    ),
    (
        "qualifier in apposition",
        "Airstrikes hit Sanaa, the capital of Yemen.",
        ["Sanaa", "Yemen"],
        {"Sanaa"},
        {"Yemen"},
    ),
    (
        "qualifier as possessor",
        "A drone struck an oil depot in Russia's Krasnodar region.",
        ["Russia", "Krasnodar"],
        {"Krasnodar"},
        {"Russia"},
    ),
    (
        "a kind of place named by its site, its country qualifying the kind",
        "Gunmen attacked a market in Mali's northern town of Menaka.",
        ["Mali", "Menaka"],
        {"Menaka"},
        {"Mali"},
    ),
    (
        "a kind of place named by its site, its city before the kind",
        "A car bomb exploded in the Kabul district of Shar-e Naw.",
        ["Kabul", "Shar-e Naw"],
        {"Shar-e Naw"},
        {"Kabul"},
    ),
    (
        "a district named for itself keeps its city as context",
        "A car bomb exploded in the Wazir Akbar District of Kabul.",
        ["Wazir Akbar District", "Kabul"],
        {"Wazir Akbar District"},
        {"Kabul"},
    ),
    (
        "a kind of place after its name, then the area that holds it",
        "Gunmen attacked Mbuli village in Kasai province overnight.",
        ["Mbuli", "Kasai"],
        {"Mbuli"},
        {"Kasai"},
    ),
    (
        "a site, then the town it lies in, hung on the verb by the parse",
        "Militants detonated a bomb at Kotli Chowk in Anantnag on Friday.",
        ["Kotli Chowk", "Anantnag"],
        {"Kotli Chowk"},
        {"Anantnag"},
    ),
    (
        "a bearing from a reference town is context",
        "Fighters ambushed a patrol in Darwa, 30 km south of Gao.",
        ["Darwa", "Gao"],
        {"Darwa"},
        {"Gao"},
    ),
    (
        "an administrative area after a comma is context",
        "Gunmen killed four people in Tora, Hagar District, on Sunday.",
        ["Tora", "Hagar District"],
        {"Tora"},
        {"Hagar District"},
    ),
    (
        "a province after 'district of' holds the district",
        "The attack occurred in the Mohammad Agha district of Logar province.",
        ["Mohammad Agha", "Logar province"],
        {"Mohammad Agha"},
        {"Logar province"},
    ),
    (
        # the district is the site, but no source knows it: the city stands in for it
        # (with less confidence, and a note on the citation)
        "a city after an unrecognised district stands in for it",
        "A bomber struck outside a police station in the Amiriyah district in western Baghdad.",
        ["western Baghdad"],
        {"western Baghdad"},
        set(),
    ),
    (
        "the capital's name is the site, not the phrase that leads to it",
        "Thousands demonstrated in the Georgian capital Tbilisi on Tuesday.",
        ["Georgian capital", "Tbilisi"],
        {"Tbilisi"},
        {"Georgian capital"},
    ),
    (
        "the capital's name after 'of' is the site",
        "Two bombs exploded in the Kenyan capital of Nairobi on Saturday.",
        ["Kenyan capital", "Nairobi"],
        {"Nairobi"},
        {"Kenyan capital"},
    ),
    (
        "a distance from a place is no origin",
        "Rebels shot down a jet not far from Zorvanek on Saturday.",
        ["Zorvanek"],
        {"Zorvanek"},
        set(),
    ),
    (
        "through a measure the trigger takes",
        "About 6,000 people marched in Kharbin on Saturday, 2,000 in Zorvanek.",
        ["Kharbin", "Zorvanek"],
        {"Kharbin", "Zorvanek"},
        set(),
    ),
    (
        "through a preposition's clause",
        "Police began the raid by surrounding a house in Zorvanek.",
        ["Zorvanek"],
        {"Zorvanek"},
        set(),
    ),
    (
        "an 'as' clause happens at the same place",
        "The judge was shot as he left a mosque in Zorvanek on Friday.",
        ["Zorvanek"],
        {"Zorvanek"},
        set(),
    ),
    (
        "whom an attack was against stands where it was",
        "Rebels launched an attack against army posts in Zorvanek on Monday.",
        ["Zorvanek"],
        {"Zorvanek"},
        set(),
    ),
    (
        "whom a clash was with stands where it was",
        "Two soldiers were killed in clashes with insurgents in Zorvanek.",
        ["Zorvanek"],
        {"Zorvanek"},
        set(),
    ),
    (
        "what a protest is against is its cause, not its place",
        "Thousands protested in Kharbin against the war in Zorvanek.",
        ["Kharbin", "Zorvanek"],
        {"Kharbin"},
        {"Zorvanek"},
    ),
    (
        "a resort named after its kind is the site, the sea before it context",
        "Militants detonated bombs in the Red Sea resort of Marsa Tala.",
        ["Red Sea", "Marsa Tala"],
        {"Marsa Tala"},
        {"Red Sea"},
    ),
    (
        "the countryside of a city, written as 'rural', holds the region",
        "Troops launched an assault in the Wadi Barada region of rural Damascus.",
        ["Wadi Barada", "Damascus"],
        {"Wadi Barada"},
        {"Damascus"},
    ),
    (
        "a city whose name ends in City keeps its place before an offset",
        "Two men were shot dead in Legaspi City, 320 km southeast of Manila.",
        ["Legaspi City", "320 km southeast of Manila"],
        {"Legaspi City"},
        set(),
    ),
    (
        "a part of a wider place after the site is context",
        "Jets struck the town of Tadef in the eastern countryside of Aleppo.",
        ["Tadef", "Aleppo"],
        {"Tadef"},
        {"Aleppo"},
    ),
    (
        "a city after a district and a part word is context",
        "A car bomb detonated in the Karrada district of central Baghdad.",
        ["Karrada", "Baghdad"],
        {"Karrada"},
        {"Baghdad"},
    ),
    (
        "a distance from a reference town only locates the site",
        "A car bomb detonated in the town of Mashahda, 48 km north of Baghdad.",
        ["Mashahda", "48 km north of Baghdad"],
        {"Mashahda"},
        {"48 km north of Baghdad"},
    ),
    (
        "a plural kind of place names its sites",
        "Militia killed 18 civilians in the Darfur towns of Kutum and Tawila.",
        ["Darfur", "Kutum", "Tawila"],
        {"Kutum", "Tawila"},
        {"Darfur"},
    ),
    (
        "a building a city owns only by standing in it",
        "The three men were captured at Bogota's airport on Friday.",
        ["Bogota"],
        {"Bogota"},
        set(),
    ),
    (
        "a town after a bearing is still the site",
        "Two soldiers were killed north of Baghdad in Samarra.",
        ["Baghdad", "Samarra"],
        {"Samarra"},
        set(),
    ),
    (
        "the kind of place before 'of' names the site",
        "Soldiers shot dead two men in the West Bank city of Nablus.",
        ["West Bank", "Nablus"],
        {"Nablus"},
        set(),
    ),
    (
        "site named as a modifier",
        "A gunman opened fire in a Nairobi hotel on Tuesday.",
        ["Nairobi"],
        {"Nairobi"},
        set(),
    ),
    (
        "through the agent phrase",
        "The reporter was killed by gunmen in Peshawar.",
        ["Peshawar"],
        {"Peshawar"},
        set(),
    ),
    (
        "conjoined triggers share the place",
        "The activist was shot and killed in Bamako.",
        ["Bamako"],
        {"Bamako"},
        set(),
    ),
    (
        "a metonym that speaks is no site",
        "Ankara said the talks had failed.",
        ["Ankara"],
        set(),
        {"Ankara"},
    ),
]


@pytest.mark.parametrize(("role", "text", "names", "sites", "not_sites"), ROLE_CASES)
def test_roles(nlp, layers, role, text, names, sites, not_sites):
    events = _events(nlp, layers, text, names)
    assert events, role
    placed = set().union(*_where(events, text).values())
    assert sites <= placed, role
    assert not (not_sites & placed), role


@pytest.mark.parametrize(
    ("text", "names", "type_id", "layer"),
    [
        ("Russian missiles struck Kharkiv overnight.", ["Kharkiv"], "strike", "strike_sites"),
        ("Israeli jets bombed Rafah at dawn.", ["Rafah"], "air_strike", "strike_sites"),
        ("Artillery shelled villages near Bakhmut.", ["Bakhmut"], "shelling", "strike_sites"),
        ("Clashes erupted in Tripoli on Sunday.", ["Tripoli"], "armed_clash", "clashes"),
        ("A car bomb exploded in Mogadishu.", ["Mogadishu"], "explosion", "explosions"),
        ("Thousands marched in Tbilisi against the law.", ["Tbilisi"], "protest_march", "protests"),
        ("Police arrested twelve activists in Dhaka.", ["Dhaka"], "arrest", "arrests"),
        ("Gunmen kidnapped two engineers in Zamfara.", ["Zamfara"], "abduction", "arrests"),
        ("Rebels captured Kidal after a week of fighting.", ["Kidal"], "seizure", "seizures"),
        ("Troops patrolled the streets of Gao.", ["Gao"], "patrol", "movements"),
        ("Tanks rolled into Kupiansk at dawn.", ["Kupiansk"], "movement", "movements"),
        ("Two warships docked in Dorvik on Sunday.", ["Dorvik"], "port_call", "movements"),
        ("The navy moved two frigates to Dorvik.", ["Dorvik"], "movement", "movements"),
        ("Ankara dispatched reinforcements to Dorvik.", ["Dorvik"], "movement", "movements"),
        ("A glide bomb hit an apartment block in Dorvik.", ["Dorvik"], None, "strike_sites"),
        ("Moscow sent two warships to Dorvik.", ["Dorvik"], "movement", "movements"),
        ("The two ministers held talks in Ankara.", ["Ankara"], "meeting", "meetings"),
        ("Rebel columns assailed Gulu and Lira.", ["Gulu"], "attack", "attacks"),
        (
            "The army launched a military operation in Tillaberi.",
            ["Tillaberi"],
            "attack",
            "attacks",
        ),
        ("Armed men invaded two farms in Kaura.", ["Kaura"], "assault_by_armed_men", "attacks"),
        ("Troops continued their operations near Kidal.", ["Kidal"], "attack", "attacks"),
        (
            "Gunmen broke into a guesthouse in Bunia and shot the owner.",
            ["Bunia"],
            "assault_by_armed_men",
            "attacks",
        ),
        ("The bodies of six men were found in Kismayo.", ["Kismayo"], "bodies_found", "attacks"),
        ("Wagner fighters withdrew from Bakhmut.", ["Bakhmut"], "withdrawal", "movements"),
        ("Israel struck Hamas targets across Gaza.", ["Gaza"], "strike_on_targets", "strike_sites"),
        ("Russian troops retreated from Kherson.", ["Kherson"], "withdrawal", "movements"),
        ("A cargo plane was shot down over Benghazi.", ["Benghazi"], "shootdown", "shootdown_area"),
        ("Gunmen left nine soldiers dead in Kauri.", ["Kauri"], "killing", "attacks"),
        ("A district official was found dead in Marsabit.", ["Marsabit"], "killing", "attacks"),
        (
            "Militants set off a roadside device in Kandahar on Friday.",
            ["Kandahar"],
            "explosion",
            "explosions",
        ),
        ("Police fired at a crowd in Kasese.", ["Kasese"], "attack", "attacks"),
        ("A bomb ripped through a market in Kano.", ["Kano"], "bomb_blast", "explosions"),
        (
            "A coast guard vessel rammed a supply boat near Ayungin Shoal.",
            ["Ayungin Shoal"],
            "ramming",
            "attacks",
        ),
        ("Their truck hit a landmine near Zabol.", ["Zabol"], "explosion", "explosions"),
        ("Naval drones sank a patrol boat near Sevastopol.", ["Sevastopol"], "sinking", "attacks"),
        ("Pirates hijacked a bulk carrier off Eyl.", ["Eyl"], "hijacking", "seizures"),
        # an adverb may stand between the verb and its particle
        ("Tanks pushed deeper into Rafah.", ["Rafah"], "movement", "movements"),
        # a group's bombing is a planted bomb; a state's or an alliance's is from the air
        ("A Shabaab bombing killed nine in Baidoa.", ["Baidoa"], "group_bombing", "explosions"),
        ("A Russian bombing killed nine in Idlib.", ["Idlib"], "air_strike", "strike_sites"),
        ("A NATO bombing killed nine in Nis.", ["Nis"], "air_strike", "strike_sites"),
        ("Herdsmen sacked three villages in Logo.", ["Logo"], "assault_by_armed_men", "attacks"),
        # a siege is held under arms, not patrolled; ships moved are moved
        ("Troops encircled the town of Kupiansk.", ["Kupiansk"], "siege", "clashes"),
        # a relative clause on a town: the town is what was taken or struck
        (
            "They discussed the fate of Kupiansk, which the rebels captured last year.",
            ["Kupiansk"],
            "seizure",
            "seizures",
        ),
        (
            "Debris fell near the port of Kupiansk, which drones attacked overnight.",
            ["Kupiansk"],
            "heavy_weapons_attack",
            "strike_sites",
        ),
        # retaking a town; what was fired that damaged or landed
        ("The army retook the town of Kupiansk.", ["Kupiansk"], "retaking", "seizures"),
        ("Troops regained control of Kupiansk on Monday.", ["Kupiansk"], "retaking", "seizures"),
        (
            "A missile damaged a school in Kupiansk.",
            ["Kupiansk"],
            "projectile_damage",
            "strike_sites",
        ),
        (
            "A bomb landed in a camp near Kupiansk.",
            ["Kupiansk"],
            "projectile_impact",
            "strike_sites",
        ),
        # a noun for an exchange of fire; a missile that splashed down; frigates dispatched
        (
            "An exchange of fire was reported near Kupiansk on Sunday.",
            ["Kupiansk"],
            "armed_clash",
            "clashes",
        ),
        (
            "The missile splashed down off Kupiansk.",
            ["Kupiansk"],
            "projectile_impact",
            "strike_sites",
        ),
        ("The navy dispatched two frigates to Kupiansk.", ["Kupiansk"], "movement", "movements"),
        # a garrison is there; a navy that sent a destroyer moved it
        ("Russian troops are stationed in Kupiansk.", ["Kupiansk"], "garrison", "movements"),
        ("The navy sent a destroyer to Kupiansk.", ["Kupiansk"], "movement", "movements"),
        # a named group besieges, blockades or surrounds too
        ("The RSF besieged the town of Kupiansk.", ["Kupiansk"], "siege", "clashes"),
        (
            "Jihadists have blockaded Kupiansk for two years.",
            ["Kupiansk"],
            "surrounding",
            "clashes",
        ),
        ("RSF fighters have surrounded Kupiansk.", ["Kupiansk"], "surrounding", "clashes"),
        (
            "Two frigates were moved to the waters off Gotland.",
            ["Gotland"],
            "movement",
            "movements",
        ),
        # a fuel terminal struck
        (
            "Drones struck the oil terminal at Tuapse.",
            ["Tuapse"],
            "strike_on_targets",
            "strike_sites",
        ),
        # a raid that killed is an attack, whoever it also arrested
        (
            "Troops arrested 20 people in a deadly raid on Kalvik.",
            ["Kalvik"],
            "deadly_raid",
            "attacks",
        ),
        # a building held is territory taken, not a person
        ("Rebels captured a police station in Kidal.", ["Kidal"], "seizure", "seizures"),
        ("Gunmen seized a police substation in Kidal and looted its weapons store.", ["Kidal"],
         "seizure", "seizures"),
        # a boat struck at sea; a host receiving an official
        ("The navy struck a speedboat off Eyl.", ["Eyl"], "strike_on_targets", "strike_sites"),
        (
            "In Kismayo the governor received the Kenyan envoy.",
            ["Kismayo"],
            "reception",
            "meetings",
        ),
        (
            "Moscow ordered the closure of the US consulate in Yekaterinburg.",
            ["Yekaterinburg"],
            "diplomatic_action",
            "meetings",
        ),
    ],
)
def test_types_and_layers(nlp, layers, text, names, type_id, layer):
    events = _events(nlp, layers, text, names)
    placed = [e for e in events if e.locations]
    assert placed, text
    if type_id is not None:
        assert type_id in {e.type for e in placed}
    assert layer in {e.layer for e in placed}


@pytest.mark.parametrize(
    "text",
    [
        "The clashes followed an attack by militants on tourists near Kano on Sunday.",
        "The protests followed the killing of two students near Kano last week.",
    ],
)
def test_what_an_event_followed_happened_at_its_own_place(pipeline, text):
    # the attack was near Kano; where the clashes or protests that followed it were
    # is told nowhere
    events = _located(pipeline, text)
    (follower,) = [e for e in events if e.trigger_start == 4]
    assert not follower.locations, [text[loc.start : loc.end] for loc in follower.locations]
    assert any(e.locations for e in events if e.trigger_start > 4)


@pytest.mark.parametrize(
    ("text", "not_layer"),
    [
        # a suicide bomber is a man, not an aircraft: no strike site
        ("A suicide bomber attacked a police station in Kano on Sunday.", "strike_sites"),
        # captors who march captives off hold no protest march
        ("Bandits marched the abducted children into a forest near Kano.", "protests"),
    ],
)
def test_a_word_shared_with_another_kind_of_event_does_not_make_it(nlp, layers, text, not_layer):
    events = [e for e in _events(nlp, layers, text, ["Kano"]) if e.locations]
    assert not_layer not in {e.layer for e in events}, [(e.type, e.layer) for e in events]


@pytest.mark.parametrize(
    ("text", "blocked"),
    [
        ("Two coast guard vessels blocked a fisheries ship near Zorvan Shoal on Sunday.", True),
        ("Coast guard ships harassed a fishing boat near Zorvan Shoal.", True),
        ("Protesters blocked the port of Zorvan on Monday.", False),
    ],
)
def test_ships_that_bar_or_harass_a_ship_are_an_event_at_sea(pipeline, text, blocked):
    assert ("ship_blocked" in _where(_located(pipeline, text), text)) is blocked


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        ("Fighter jets scrambled to intercept a surveillance plane near Kano.", "airspace"),
        ("Air force jets intercepted two bombers near Kano on Monday.", "airspace"),
        ("Air defences intercepted two drones over Kano.", "shootdown_area"),
        # an aircraft by its type (tester round 39)
        ("Greek fighter jets intercepted two Turkish F-16s near Kano on Tuesday.", "airspace"),
        # an honour guard intercepts no one
        ("Fighter jets escorted the president's plane into Kano.", None),
    ],
)
def test_an_aircraft_intercepted_is_escorted_and_a_drone_shot_down(nlp, layers, text, layer):
    events = [e for e in _events(nlp, layers, text, ["Kano"]) if e.locations]
    assert {e.layer for e in events} == ({layer} if layer else set()), [
        (e.type, e.layer) for e in events
    ]


def test_capture_of_people_is_an_arrest_and_of_a_town_a_seizure(nlp, layers):
    text = "Troops captured four suspects in Kano."
    assert {e.type for e in _events(nlp, layers, text, ["Kano"])} >= {"arrest"}
    text = "Troops captured the town of Kano."
    assert "seizure" in {e.type for e in _events(nlp, layers, text, ["Kano"])}
    text = "The photographer captured the skyline of Kano at dusk."  # a picture, no event
    assert not {e.layer for e in _events(nlp, layers, text, ["Kano"])} & {"arrests", "seizures"}


@pytest.mark.parametrize(
    "text",
    [
        "The looting of the market in Kano was captured on camera by a passer-by.",
        "The murder trial in Kano captured wide media coverage across the region.",
        "Okafor captured the prize scalp of the Kano captain before lunch.",
        "The governor's party captured 40 percent of the vote in Kano.",
        "The opposition captured Kano in the election.",
        # a work captures how a place looks
        "Critics said the film captures Kano like a war zone.",
    ],
)
def test_a_camera_a_story_or_a_bowler_captures_no_one(nlp, layers, text):
    assert not {e.layer for e in _events(nlp, layers, text, ["Kano"])} & {"arrests", "seizures"}


def test_the_towns_an_object_includes_are_where_it_happened(pipeline):
    # the towns named are those taken; the province only says where they are
    text = "Troops captured key towns in North Kivu, including Kanyabayonga and Rutshuru."
    assert _where(_located(pipeline, text), text)["seizure"] == {"Kanyabayonga", "Rutshuru"}


@pytest.mark.parametrize(
    "text",
    [
        "Militias captured 60 percent of Kano state by March.",
        "Militias captured 1,000 square kilometres of Kano state.",
    ],
)
def test_a_share_of_a_place_taken_is_a_seizure(nlp, layers, text):
    assert "seizure" in {e.type for e in _events(nlp, layers, text, ["Kano"])}


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("The engineers demonstrated a new irrigation pump to farmers in Kano.", False),
        ("The drill in Kano demonstrated the readiness of the brigade.", False),
        ("Students demonstrated in Kano on Monday.", True),
        ("Traders demonstrated their anger on Monday in the city of Kano.", True),
        ("Thousands demonstrated their anger in the city of Kano.", True),
        ("The engineers demonstrated the new system to reporters in Kano.", False),
    ],
)
def test_demonstrating_a_thing_shows_it_and_protests_nothing(nlp, layers, text, protest):
    events = _events(nlp, layers, text, ["Kano"])
    assert ("protests" in {e.layer for e in events if e.locations}) is protest


@pytest.mark.parametrize(
    "text",
    [
        "Troops seized several hilltops near Kano on Sunday.",
        "Rebels captured three firebases before reaching Kano.",
        "The army seized several points inside Kano.",
    ],
)
def test_taking_several_places_or_posts_is_a_seizure(nlp, layers, text):
    assert "seizure" in {e.type for e in _events(nlp, layers, text, ["Kano"])}


@pytest.mark.parametrize(
    ("text", "name", "is_meeting"),
    [
        ("In Tallinn, the government expelled three embassy staff members.", "Tallinn", True),
        ("In Vilnius, the ministry expelled two Belarusian diplomats.", "Vilnius", True),
        ("In Ceuta, border guards expelled forty migrants.", "Ceuta", False),
        ("Pilgrims visited the shrine in Karbala.", "Karbala", False),
        ("The foreign minister visited Karbala for talks.", "Karbala", True),
        ("The envoy came to Muscat for talks with the rebels.", "Muscat", True),
        ("The shelling of Kherson came amid stalled talks.", "Kherson", False),
    ],
)
def test_diplomacy_needs_diplomats_and_a_trip_a_destination(nlp, layers, text, name, is_meeting):
    events = _events(nlp, layers, text, [name])
    placed_meetings = [e for e in events if e.layer == "meetings" and e.locations]
    assert bool(placed_meetings) is is_meeting, (text, [(e.type, e.layer) for e in events])


@pytest.mark.parametrize(
    ("text", "layer", "reported"),
    [
        ("Opposition leaders in Harare called for talks with the army.", "meetings", False),
        ("The exporters in Mombasa are bracing for new sanctions.", "meetings", False),
        ("Residents of Kharkiv braced for more airstrikes.", "strike_sites", False),
        ("Envoys sat down for talks in Harare on Monday.", "meetings", True),
        ("The envoys held talks in Mombasa.", "meetings", True),
        # one of a series awaited is as awaited as the talks
        ("Negotiators prepared for another round of talks in Harare.", "meetings", False),
        ("Negotiators held another round of talks in Harare.", "meetings", True),
        # a private visit holds no talks
        ("A student who was visiting family in Harare said he was beaten.", "meetings", False),
        # drones that cross into a country moved no force; troops with them did
        ("Air defences shot down drones that crossed into Jordan near Mafraq.", "movements", False),
        (
            "Russian troops and drones that crossed into the Sumy region seized villages.",
            "movements",
            True,
        ),
        # sport and words said: a team bombed out of a cup, a title fight, critics
        ("Lyon were bombed out of the cup in Harare on Saturday.", "strike_sites", False),
        ("The boxer won the title fight in Harare on Saturday.", "clashes", False),
        ("The actor was attacked by critics in Harare on Thursday.", "attacks", False),
        ("Beijing fired back at Washington over the tariffs on Friday.", "attacks", False),
        ("A fresh bout of fighting broke out in Harare on Friday.", "clashes", True),
        (
            "Rebels fought troops near Harare as a knockout blow loomed for the regime.",
            "clashes",
            True,
        ),
        ("Fans stormed the streets of Harare to celebrate the title.", "attacks", False),
        # a crowd that storms a parliament attacks it; one that storms the pitch does not
        ("Supporters who stormed the parliament in Harare were arrested.", "attacks", True),
        ("Football fans stormed the parliament in Harare on Monday.", "attacks", True),
        ("Fans stormed onto the pitch in Harare after the final whistle.", "attacks", False),
        ("Troops crossed into the country near Mafraq on Monday.", "movements", True),
        ("Mortars hit Kherson amid faltering talks.", "meetings", False),
        ("Shelling hit Donetsk amid a fragile truce.", "meetings", False),
        ("Mortars hit Kherson amid faltering talks.", "strike_sites", True),
        ("The two sides agreed a truce in Doha.", "meetings", True),
        ("The two sides agreed on a truce in Doha.", "meetings", True),
        # an agreement undone is no agreement made
        ("In Harare, the government suspended a river water-sharing treaty.", "meetings", False),
        ("In Harare, the government pulled out of the accord on Friday.", "meetings", False),
    ],
)
def test_what_is_only_wanted_or_a_backdrop_is_not_reported(nlp, layers, text, layer, reported):
    """ "Called for talks" holds none; talks "amid" which a strike fell are its backdrop."""
    events = _events(nlp, layers, text, [])
    assert (layer in {e.layer for e in events}) is reported, [(e.type, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "topic_type"),
    [
        ("The envoy arrived in Beirut for talks on a ceasefire.", "agreement"),
        ("Parliament held a vote on the offensive in Kursk.", "attack"),
        ("The ministers met to discuss the airstrikes on Sanaa.", "air_strike"),
        ("The envoys will meet in Geneva for talks on a peace treaty.", "agreement"),
        ("Mediators held talks in Juba on implementing the Addis agreement.", "agreement"),
    ],
)
def test_what_talks_are_about_is_not_an_event(nlp, layers, text, topic_type):
    """Talks on a ceasefire agree none; a vote on an offensive launches none."""
    assert topic_type not in {e.type for e in _events(nlp, layers, text, [])}


def test_deaths_take_the_place_of_the_blast_that_caused_them(nlp, layers):
    text = "Two guards were killed when a mine exploded beside a bridge in the town of Kunduz."
    where = _where(_events(nlp, layers, text, ["Kunduz"]), text)
    assert "Kunduz" in where.get("killing", set()), where


def test_deaths_take_the_place_of_the_events_their_subject_counts(pipeline):
    """The scorer doubts a country reached through "a wave of"; the attacks hold it."""
    text = "A wave of attacks across Mali on Sunday killed 20 soldiers."
    where = _where(_located(pipeline, text), text)
    assert where["attack"] == {"Mali"}
    assert where["killing"] == {"Mali"}


def test_staging_an_attack_reports_it(nlp, layers):
    """The light verb is part of the trigger ("staged an attack"), as "launched" is."""
    text = "Rebels staged an attack on Kolvani on Sunday."
    (event,) = [e for e in _events(nlp, layers, text, ["Kolvani"]) if e.type == "attack"]
    start = text.index("staged")
    assert (start, start + len("staged")) in event.trigger_words


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were wounded in the fighting and taken to a hospital in Dorvik.",
        "The injured were taken to hospitals in Dorvik.",
        "Four guards were hurt in the blast and airlifted to a clinic at Dorvik.",
    ],
)
def test_where_the_wounded_were_taken_is_not_where_they_were_wounded(pipeline, text):
    doc = pipeline.nlp(text)
    resolved = [Resolved(_mention(text, "Dorvik"), None)]
    events = detect_events(doc, resolved, layers=pipeline.layers, model=load_location_model())
    assert "Dorvik" not in _where(events, text).get("killing", set())


def test_those_detained_are_held_where_they_were_taken(pipeline):
    text = "Two activists were detained and taken to a military base in Dorvik."
    doc = pipeline.nlp(text)
    resolved = [Resolved(_mention(text, "Dorvik"), None)]
    events = detect_events(doc, resolved, layers=pipeline.layers, model=load_location_model())
    assert _where(events, text)["arrest"] == {"Dorvik"}


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ("A convoy of armoured vehicles headed from Dorvik toward Kolvani.", True),
        ("Tanks rolled toward Kolvani on Monday.", True),
        ("Prices moved higher in Kolvani on Monday.", False),
        ("The convoy moved the wounded to Kolvani.", False),
        # a bearing read as the verb's object still leaves it without one
        ("A convoy of reinforcements left the base on Tuesday heading north toward Kolvani.",
         True),
    ],
)
def test_a_force_on_the_move_is_where_it_went(nlp, layers, text, moved):
    where = _where(_events(nlp, layers, text, ["Kolvani"]), text)
    assert (where.get("forces_on_the_move") == {"Kolvani"}) is moved


def test_a_bulk_carrier_seized_is_a_seizure(nlp, layers):
    text = "Naval forces seized a bulk carrier near Kolvani Island."
    assert _where(_events(nlp, layers, text, ["Kolvani Island"]), text)["seizure"] == {
        "Kolvani Island"
    }


@pytest.mark.parametrize(
    ("text", "accident"),
    [
        ("A bridge collapsed in Dorvik, killing 16 people.", True),
        ("The collapse of a station canopy in Dorvik killed 16 people.", True),
        ("An airstrike hit a building in Dorvik, which collapsed, killing 12.", False),
    ],
)
def test_deaths_in_a_collapse_are_an_accidents_not_an_attacks(nlp, layers, text, accident):
    events = _events(nlp, layers, text, ["Dorvik"])
    on_attacks = {e.type for e in events if e.layer == "attacks"}
    assert (not on_attacks) is accident, [(e.type, e.layer) for e in events]


def test_what_a_remembered_event_did_is_remembered_with_it(pipeline):
    """The deaths in its relative clause are the bombing's: dated 2004, not in Madrid."""
    text = (
        "Survivors gathered in Madrid to mark the anniversary of the 2004 train bombings "
        "that killed 191 people."
    )
    events = _located(pipeline, text, article_date="2026-11-20")
    (killing,) = [e for e in events if e.type == "killing"]
    assert killing.date == "2004"
    assert not killing.locations
    assert {e.type for e in events} >= {"explosion"}  # a bomb on a train, not from the air


@pytest.mark.parametrize(
    "text",
    [
        "The town of Zorvan was largely destroyed in 2017 when militants occupied the town.",
        "Zorvan was shelled in 2017 when rebel troops besieged the town.",
    ],
)
def test_a_when_clause_takes_the_time_of_the_event_it_tells(pipeline, text):
    events = _located(pipeline, text, article_date="2026-11-20")
    assert {e.date for e in events} == {"2017"}, [(e.type, e.date) for e in events]


def test_a_planned_event_s_past_clause_keeps_its_past_weekday(pipeline):
    # the summit opened on the Wednesday before; only "will end" lies ahead
    text = "The summit, which opened in Zorvan on Wednesday, will end on Sunday."
    events = _located(pipeline, text, article_date="2026-11-20")
    assert [e.date for e in events if e.type == "meeting"] == ["2026-11-18"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels fired rockets at Zorvan on Tuesday. Jets struck Kesra hours later.",
         "2026-11-17"),
        ("Rebels fired rockets at Zorvan on Tuesday. The next day, jets struck Kesra.",
         "2026-11-18"),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets struck Kesra later in the day.",
         "2026-11-17"),
        # a new paragraph keeps the article's day
        ("Rebels fired rockets at Zorvan on Tuesday.\n\nJets struck Kesra hours later.",
         "2026-11-20"),
        # "the next day" after the article's own day would lie after it was written
        ("Rebels fired rockets at Zorvan on Friday. The next day, jets struck Kesra.",
         "2026-11-20"),
        # the day the paragraph named, where no event of the sentence before took it
        ("On 14 November a power line near Zorvan stopped working. The same day, jets "
         "struck Kesra.", "2026-11-14"),
        ("On 14 November a power line near Zorvan stopped working.\n\nThe same day, jets "
         "struck Kesra.", "2026-11-20"),
        # the day before, and the same night (tester round 35, F7)
        ("Rebels fired rockets at Zorvan on Tuesday. The day before, jets struck Kesra.",
         "2026-11-16"),
        ("Rebels fired rockets at Zorvan on Tuesday. A day earlier, jets struck Kesra.",
         "2026-11-16"),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets struck Kesra the same night.",
         "2026-11-17"),
        # "the day before the vote" counts from the vote, which no sentence dated
        ("Rebels fired rockets at Zorvan on Tuesday. Jets struck Kesra the day before the "
         "vote.", "2026-11-20"),
        # a comparison with the day before times nothing (review of session 46)
        ("Rebels fired rockets at Zorvan on 14 November. Jets struck Kesra again, as they "
         "had done the previous day.", "2026-11-20"),
        # a few words may stand between the comparison and the day (review of session 47, 16)
        ("Rebels fired rockets at Zorvan on 14 November. Jets struck Kesra, as on the "
         "previous day.", "2026-11-20"),
        ("Rebels fired rockets at Zorvan on 14 November. Jets struck Kesra, as they had a "
         "day earlier.", "2026-11-20"),
        # days, or whole days of hours, counted (tester round 39, F5)
        ("Rebels fired rockets at Zorvan on Tuesday. Forty-eight hours later, jets struck "
         "Kesra.", "2026-11-19"),
        ("Rebels fired rockets at Zorvan on 14 November. Two days later jets struck Kesra.",
         "2026-11-16"),
        ("Rebels fired rockets at Zorvan on Tuesday. Three days earlier, jets struck Kesra.",
         "2026-11-14"),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets struck Kesra two days before the "
         "vote.", "2026-11-20"),
    ],
)  # fmt: skip
def test_a_deed_timed_after_the_sentence_before_takes_its_day(pipeline, text, expected):
    events = _located(pipeline, text, article_date="2026-11-20")
    (strike,) = [e for e in events if e.trigger.lower().startswith("struck")]
    assert strike.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deed told in the past, after a sentence that dated one
        ("Rebels responded on Tuesday with rocket fire. Shelling killed seven people in "
         "Zorvan, officials said.", ("2026-11-17", "paragraph")),
        # a town across a front
        ("Shelling killed seven people in Lahore on Tuesday. Air defences shot down drones "
         "over Amritsar.", ("2026-11-17", "paragraph")),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets struck Kesra.",
         ("2026-11-17", "paragraph")),
        ("In March 2024, rebels captured Zorvan. They also seized Kesra.",
         ("2024-03", "paragraph")),
        # an age the model tags as a date is no time of the deed's own
        ("Rebels fired rockets at Zorvan on Tuesday. Clashes broke out in Kesra, where a "
         "17-year-old was wounded.", ("2026-11-17", "paragraph")),
        # not across a paragraph, nor a deed still going on, set back or with a time
        # of its own the rules cannot read
        ("Rebels fired rockets at Zorvan on Tuesday.\n\nJets struck Kesra.",
         ("2026-11-20", "article")),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets have struck Kesra for weeks.",
         ("2026-11-20", "article")),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets had struck Kesra.",
         ("2026-11-20", "article")),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets last struck Kesra in the spring.",
         ("2026-11-20", "article")),
        ("Rebels fired rockets at Zorvan on Tuesday. Jets will strike Kesra.",
         ("2026-11-20", "article")),
        # a deed a clause times by another, or after a backdrop told in the past perfect
        ("Rebels fired rockets at Zorvan on Tuesday. Jets struck Kesra after the talks failed.",
         ("2026-11-20", "article")),
        ("The army said it retook Zorvan on Sunday. Rebels had captured Kesra in July. "
         "Jets struck Kesra.", ("2026-11-20", "article")),
        # a day's news told in the past perfect still gives its day
        ("The army said on Tuesday it had repelled an attack. Militants struck Kesra.",
         ("2026-11-17", "paragraph")),
        # one line a paragraph, in a text with no blank line
        ("Rebels fired rockets at Zorvan on Tuesday.\nJets struck Kesra.",
         ("2026-11-20", "article")),
        # only from the sentence right before, not past one that tells no deed
        ("Rebels fired rockets at Zorvan on Tuesday. The town is home to a million people. "
         "Jets struck Kesra.", ("2026-11-20", "article")),
    ],
)  # fmt: skip
def test_an_undated_deed_takes_the_date_an_earlier_sentence_gave(pipeline, text, expected):
    events = _dated(pipeline, text)
    last_sentence = max(e.sentence_start for e in events)
    # the last sentence's first deed
    last = next(e for e in events if e.sentence_start == last_sentence)
    assert (last.date, last.date_source) == expected


def test_a_clause_the_parse_hangs_low_still_tells_what_the_event_did(pipeline):
    text = (
        "The 2015 attack on a hotel in Sousse, which killed 38 tourists, was remembered in London."
    )
    events = _located(pipeline, text, article_date="2026-11-20")
    (killing,) = [e for e in events if e.type == "killing"]
    assert killing.date == "2015"
    assert {text[loc.start : loc.end] for loc in killing.locations} == {"Sousse"}


def test_a_journey_keeps_where_it_went(nlp, layers):
    text = "Troops were flown to Dorvik on Monday."
    assert _where(_events(nlp, layers, text, ["Dorvik"]), text)["journey"] == {"Dorvik"}


def test_deaths_aboard_a_lost_aircraft_mark_where_it_was_lost(nlp, layers):
    text = "Twelve crew members aboard the transport plane were killed near Tobruk."
    events = _events(nlp, layers, text, ["Tobruk"])
    assert "shootdown_area" in {e.layer for e in events if e.locations}
    text = "Warplanes killed twelve people in Tobruk."  # an aircraft, but nobody aboard
    events = _events(nlp, layers, text, ["Tobruk"])
    assert "shootdown_area" not in {e.layer for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday Israeli jets hit missile launchers in Dorvik.",
        "On Sunday Israeli jets hit a drone factory in Dorvik.",
        "Russian forces destroyed a missile depot near Dorvik.",
        "Artillery destroyed an S-300 missile battery near Dorvik.",
    ],
)
def test_a_weapon_s_site_on_the_ground_is_struck_not_shot_down(nlp, layers, text):
    """The launchers, the factory and the depot were hit, not missiles or drones in flight."""
    layers_at = _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)
    assert "shootdown_area" not in layers_at.get("Dorvik", set())
    assert layers_at.get("Dorvik")


def test_a_weapon_named_before_what_flies_is_still_shot_down(nlp, layers):
    text = "Air defences destroyed 40 Shahed drones over Dorvik."
    assert "shootdown_area" in _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)["Dorvik"]


def test_an_operation_named_as_a_backdrop_is_no_attack(nlp, layers):
    text = "The plane flew back to the base, the hub of the army's operation in Kordofan."
    assert "attacks" not in {e.layer for e in _events(nlp, layers, text, ["Kordofan"])}


def test_a_collision_is_no_ramming_and_a_bill_rammed_through_no_attack(nlp, layers):
    for text, name in [
        ("Two tankers collided in the Strait of Malacca.", "Strait of Malacca"),
        ("The party rammed the bill through parliament in Manila.", "Manila"),
    ]:
        assert not [e for e in _events(nlp, layers, text, [name]) if e.layer == "attacks"]


def test_a_ship_that_sank_on_its_own_is_no_attack_and_a_patrol_boat_no_patrol(nlp, layers):
    for text, name in [
        ("The ferry sank in a storm off Zanzibar.", "Zanzibar"),
        ("Shares sank in London.", "London"),
    ]:
        assert not _events(nlp, layers, text, [name])
    text = "A patrol boat was seen near Sevastopol."
    assert "patrol" not in {e.type for e in _events(nlp, layers, text, ["Sevastopol"])}


def test_a_fire_that_tears_through_is_no_bombing(nlp, layers):
    text = "A wildfire ripped through the hills above Malibu."
    assert not [e for e in _events(nlp, layers, text, ["Malibu"]) if e.layer == "explosions"]


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ("Gunmen attacked a police station in Dorvik on Monday.", False),
        ("A mob torched the railway station in Dorvik.", False),
        ("The navy stationed two frigates off Dorvik.", True),
        ("The court sent two soldiers to prison in Dorvik.", False),
        # "cross" moves troops as a verb only: a cross-border raid is no movement
        ("Militants stepped up cross-border raids on Dorvik.", False),
        ("Two army battalions crossed into Dorvik at dawn.", True),
    ],
)
def test_a_station_is_a_building_and_to_station_troops_a_movement(nlp, layers, text, moved):
    assert _reports(nlp, layers, text, "movement") is moved


def test_labour_strikes_and_quakes_are_not_strike_sites(nlp, layers):
    for text, name in [
        ("Dock workers went on strike in Rotterdam.", "Rotterdam"),
        ("A strong earthquake rocked Lombok on Sunday.", "Lombok"),
    ]:
        events = _events(nlp, layers, text, [name])
        assert "strike_sites" not in {e.layer for e in events}, text


def test_words_inside_a_name_trigger_nothing(nlp, layers):
    text = "According to officials, the Government of National Accord met in Tripoli."
    types = [e.type for e in _events(nlp, layers, text, ["Tripoli"])]
    assert "agreement" not in types
    assert "meeting" in types


def test_the_wider_place_that_holds_the_site_is_context(nlp, layers):
    """Geometry decides when the parse does not: a province holding the town."""
    province = Place("t:idlib", "Idlib", "SY", "admin1", box(36, 35.5, 37, 36.5), 35.9, 36.6,
                     Precision.REGION)  # fmt: skip
    town = Place("t:jisr", "Jisr al-Shughur", "SY", "city", Point(36.3, 35.8), 35.8, 36.3,
                 Precision.EXACT)  # fmt: skip
    text = "Clashes erupted in Jisr al-Shughur in Idlib province."
    events = _events(
        nlp,
        layers,
        text,
        ["Jisr al-Shughur", "Idlib"],
        {"Idlib": province, "Jisr al-Shughur": town},
    )
    assert _where(events, text)["armed_clash"] == {"Jisr al-Shughur"}


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        # a wider place that opens a list is a site beside the others
        ("Rebels clashed with troops across Velmark, Ostrava Strip and Dornsk on Friday.",
         {"Velmark", "Ostrava Strip", "Dornsk"}),
        # written after the town, it only says where the town lies
        ("Rebels clashed with troops in Dornsk, Velmark and in Ostrava Strip on Friday.",
         {"Dornsk", "Ostrava Strip"}),
    ],
)  # fmt: skip
def test_a_wider_place_that_opens_a_list_is_not_dropped_for_one_it_holds(nlp, layers, text, sites):
    region = Place("t:vel", "Velmark", "XV", "territory", box(30, 30, 32, 32), 31.0, 31.0,
                   Precision.REGION)  # fmt: skip
    strip = Place("t:ost", "Ostrava Strip", "XV", "territory", box(29, 29, 29.5, 29.5), 29.2,
                  29.2, Precision.REGION)  # fmt: skip
    town = Place("t:dor", "Dornsk", "XV", "city", Point(31.2, 31.2), 31.2, 31.2, Precision.EXACT)
    places = {"Velmark": region, "Ostrava Strip": strip, "Dornsk": town}
    events = _events(nlp, layers, text, list(places), places)
    assert _where(events, text)["armed_clash"] == sites


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Fighters shelled the Azim district in the city of Dorvik.", {"Azim"}),
        ("A man was shot dead in the Azim neighbourhood of the port city of Dorvik.", {"Azim"}),
        ("Troops entered the Azim camp near the strategic village of Dorvik.", {"Azim"}),
        # an origin is no site the town could hold
        ("Gunmen shot dead five laborers from Azim near the town of Dorvik.", {"Dorvik"}),
        # a distance from the capital only says where the site lies
        ("Gunmen raided Azim, some 40 km north of the capital Dorvik.", {"Azim"}),
    ],
)
def test_a_town_written_as_a_kind_of_town_after_a_site_says_where_it_lies(nlp, layers, text, sites):
    azim = Place("t:azim", "Azim", "XV", "local", Point(31.01, 31.01), 31.01, 31.01,
                 Precision.EXACT)  # fmt: skip
    town = Place("t:dor", "Dorvik", "XV", "city", Point(31.0, 31.0), 31.0, 31.0, Precision.EXACT)
    places = {"Azim": azim, "Dorvik": town}
    events = _events(nlp, layers, text, list(places), places)
    assert set().union(*_where(events, text).values()) == sites


@pytest.mark.parametrize(
    "text",
    [
        "Troops shelled the Azim district near the predominantly Kurdish Dorvik.",
        "Troops shelled the Azim district near the largely deserted Dorvik.",
        "Troops shelled the Azim district near the mainly Christian Dorvik.",
    ],
)
def test_a_landmark_described_after_near_the_still_only_says_where_the_site_lies(nlp, layers, text):
    azim = Place("t:azim", "Azim", "XV", "local", Point(31.01, 31.01), 31.01, 31.01,
                 Precision.EXACT)  # fmt: skip
    town = Place("t:dor", "Dorvik", "XV", "city", Point(31.0, 31.0), 31.0, 31.0, Precision.EXACT)
    places = {"Azim": azim, "Dorvik": town}
    events = _events(nlp, layers, text, list(places), places)
    assert set().union(*_where(events, text).values()) == {"Azim"}


@pytest.mark.parametrize(
    ("town_lon", "sites"), [(30.1, {"Dorvik"}), (33.0, {"Velmar Sea", "Dorvik"})]
)
def test_a_sea_only_says_where_a_town_on_its_coast_lies(nlp, layers, town_lon, sites):
    """On the coast (within about 30 km of the sea's outline) the town is the site."""
    sea = Place("t:sea", "Velmar Sea", None, "sea", box(28, 28, 30, 30), 29.0, 29.0,
                Precision.REGION)  # fmt: skip
    town = Place("t:dor", "Dorvik", "XV", "city", Point(town_lon, 29.5), 29.5, town_lon,
                 Precision.EXACT)  # fmt: skip
    text = "In the Velmar Sea, sea drones attacked a naval base in Dorvik."
    places = {"Velmar Sea": sea, "Dorvik": town}
    events = _events(nlp, layers, text, list(places), places)
    assert set().union(*_where(events, text).values()) == sites


_US = Place("t:us", "United States", "US", "country", box(-125, 25, -67, 49), 39.8, -98.6,
            Precision.COUNTRY)  # fmt: skip
_ALEPPO = Place("t:alp", "Aleppo", "SY", "city", Point(37.16, 36.2), 36.2, 37.16, Precision.EXACT)


@pytest.mark.parametrize(
    "text",
    [
        "A U.S. airstrike killed nine militants near Baaj.",
        "Nine militants were killed in a U.S. airstrike near Baaj.",
        "Fighters shot down a U.S. helicopter gunship near Baaj.",
    ],
)
def test_a_country_before_an_event_noun_or_a_craft_is_the_party_not_the_site(nlp, layers, text):
    events = _events(nlp, layers, text, ["U.S.", "Baaj"], {"U.S.": _US})
    placed = set().union(*_where(events, text).values())
    assert "U.S." not in placed
    assert "Baaj" in placed


def test_a_city_before_an_event_noun_is_the_site(nlp, layers):
    text = "The Aleppo bombing killed ten people."
    events = _events(nlp, layers, text, ["Aleppo"], {"Aleppo": _ALEPPO})
    assert "Aleppo" in _where(events, text)["air_strike"]


@pytest.mark.parametrize(
    "text",
    [
        "Jets bombed Aleppo's largest slum overnight.",
        "Soldiers patrolled Aleppo's main avenue on Friday.",
    ],
)
def test_what_a_town_has_is_mostly_a_part_of_it(nlp, layers, text):
    events = _events(nlp, layers, text, ["Aleppo"], {"Aleppo": _ALEPPO})
    assert "Aleppo" in set().union(*_where(events, text).values())


def test_a_capital_the_parse_hangs_on_its_name_is_the_site(nlp, layers):
    yemen = Place("t:ye", "Yemen", "YE", "country", box(42, 12, 54, 19), 15.5, 48.0,
                  Precision.COUNTRY)  # fmt: skip
    text = "A car bomb exploded outside a police college in Yemen's capital Sanaa on Wednesday."
    events = _events(nlp, layers, text, ["Yemen", "Sanaa"], {"Yemen": yemen})
    assert _where(events, text)["explosion"] == {"Sanaa"}


@pytest.mark.parametrize(
    "text",
    [
        "Aleppo's brother was shot in the hip on Friday.",
        "Thousands marched in protest at Aleppo's campaign against the rebels.",
    ],
)
def test_a_towns_people_and_plans_are_not_its_parts(nlp, layers, text):
    events = _events(nlp, layers, text, ["Aleppo"], {"Aleppo": _ALEPPO})
    assert "Aleppo" not in set().union(*_where(events, text).values(), set())


def test_what_a_country_has_is_its_own(nlp, layers):
    text = "The United States' drones struck a convoy near Baaj."
    events = _events(nlp, layers, text, ["United States", "Baaj"], {"United States": _US})
    placed = set().union(*_where(events, text).values())
    assert "United States" not in placed and "Baaj" in placed


def test_a_country_is_not_qualified_by_a_city_in_another(nlp, layers):
    """ "The embassies of Spain in La Paz": La Paz is no part of Spain."""
    spain = Place("t:es", "Spain", "ES", "country", box(-9, 36, 3, 43.8), 40.0, -4.0,
                  Precision.COUNTRY)  # fmt: skip
    la_paz = Place("t:lpb", "La Paz", "BO", "city", Point(-68.1, -16.5), -16.5, -68.1,
                   Precision.EXACT)  # fmt: skip
    text = "Students protested outside the embassy of Spain in La Paz."
    events = _events(nlp, layers, text, ["Spain", "La Paz"], {"Spain": spain, "La Paz": la_paz})
    assert "La Paz" in _where(events, text)["protest"]


def test_a_territory_and_a_province_in_it_do_not_drop_each_other(nlp, layers):
    """By the records a territory is finer than a province; its outline says it holds it."""
    west_bank = Place("t:wb", "West Bank", "PS", "territory", box(34.9, 31.3, 35.6, 32.6), 31.95,
                      35.25, Precision.REGION)  # fmt: skip
    jenin = Place("t:jen", "Jenin", "PS", "admin1", box(35.1, 32.3, 35.5, 32.55), 32.46, 35.3,
                  Precision.REGION)  # fmt: skip
    text = "Israeli troops raided the Jenin refugee camp in the northern West Bank."
    events = _events(
        nlp, layers, text, ["Jenin", "West Bank"], {"Jenin": jenin, "West Bank": west_bank}
    )
    assert _where(events, text)["attack"] == {"Jenin"}


_MOSUL = Place("t:mos", "Mosul", "IQ", "city", Point(43.13, 36.34), 36.34, 43.13, Precision.EXACT)


@pytest.mark.parametrize(
    ("text", "site", "city"),
    [
        # the district the gazetteer does not know is the smaller of the two
        ("A car bomb exploded in the Zuhour district of Mosul on Friday.", "Zuhour", "Mosul"),
        ("Gunmen raided homes in the Zuhour neighbourhood of Mosul.", "Zuhour", "Mosul"),
        # written the other way round, the name after "of" is the district
        ("A car bomb exploded in the Mosul district of Zuhour on Friday.", "Zuhour", "Mosul"),
    ],
)
def test_a_district_of_a_city_is_the_site_and_the_city_its_context(nlp, layers, text, site, city):
    events = _events(nlp, layers, text, sorted((site, city), key=text.index), {"Mosul": _MOSUL})
    placed = set().union(*_where(events, text).values())
    assert site in placed
    assert city not in placed


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("The smuggler was arrested in the Pacific coast city of Mazatlan.", "Mazatlan"),
        ("Two guards were shot dead in the Gulf coast city of Veracruz.", "Veracruz"),
    ],
)
def test_a_town_written_after_its_kind_is_the_site_whatever_describes_it(pipeline, text, town):
    """Not read as "the Zuhour district of Mosul": the kind is what the town is."""
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert placed == {town}


@pytest.mark.parametrize(
    ("text", "home", "site"),
    [
        ("Antonio Bargiggia, 43, of Milan, was shot in Turin on Tuesday.", "Milan", "Turin"),
        ("Police arrested Ian Reid, 31, of Lurgan in Belfast.", "Lurgan", "Belfast"),
        ("Ian Reid, 31, of Lurgan was shot as he sat in a car.", "Lurgan", None),
    ],
)
def test_a_home_written_after_a_person_s_age_is_not_where_it_happened(pipeline, text, home, site):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert home not in placed
    assert site is None or site in placed


@pytest.mark.parametrize(
    ("text", "home", "site"),
    [
        ("Velan, a native of Dorvik, was shot dead in Alvora on Monday.", "Dorvik", "Alvora"),
        ("Peter Marsh of Dorvik was shot dead in Alvora on Monday.", "Dorvik", "Alvora"),
        ("Pirates in Alvora killed the sailor Peter Marsh of Dorvik.", "Dorvik", "Alvora"),
    ],
)
def test_a_person_s_birthplace_or_home_after_of_is_not_where_it_happened(
    nlp, layers, text, home, site
):
    names = [home] + ([site] if site else [])
    placed = set().union(*_where(_events(nlp, layers, text, names), text).values())
    assert home not in placed
    assert site is None or site in placed


@pytest.mark.parametrize(
    ("text", "names", "site"),
    [
        ("The two were captured by police on their way to Dorvik.", ["Dorvik"], None),
        ("The governor was killed in an airstrike on his way to Dorvik.", ["Dorvik"], None),
        ("He was shot in Velmora on his way to Dorvik.", ["Velmora", "Dorvik"], "Velmora"),
    ],
)
def test_where_a_journey_cut_short_was_going_is_not_where_it_was_cut(
    nlp, layers, text, names, site
):
    placed = set().union(*_where(_events(nlp, layers, text, names), text).values())
    assert "Dorvik" not in placed
    assert site is None or site in placed


def test_the_entrance_to_a_town_still_stands_for_the_town(nlp, layers):
    text = "Shells landed at the entrance to Dorvik."
    assert "Dorvik" in set().union(*_where(_events(nlp, layers, text, ["Dorvik"]), text).values())


@pytest.mark.parametrize(
    "text",
    [
        "Four soldiers were killed when their vehicle struck a roadside bomb near Dorvik.",
        "Their convoy hit an IED near Dorvik.",
        "Their truck ran over a landmine near Dorvik.",
        "A suicide car bomber rammed a military camp in Dorvik.",
    ],
)
def test_a_vehicle_that_ran_onto_a_bomb_tells_an_explosion(nlp, layers, text):
    assert "explosions" in _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)["Dorvik"]


@pytest.mark.parametrize(
    "text",
    [
        "The strike was carried out by a Reaper drone flying out of Dorvik.",
        "The jets operating out of Dorvik struck a convoy.",
    ],
)
def test_where_a_weapon_flew_out_of_is_no_strike_site(pipeline, text):
    text = text.replace("Dorvik", "Puerto Rico")
    assert "strike_sites" not in _layers_at(_located(pipeline, text), text).get(
        "Puerto Rico", set()
    )


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # driven out of a town: fought in it (review of session 43, H2)
        ("Sudan's army drove the RSF out of Khartoum after two years of fighting.", "Khartoum"),
        ("Gunmen ambushed a bus heading out of Quetta and killed 9 passengers.", "Quetta"),
        # a resolved village before the kind is the site (M3)
        ("Israeli forces stormed the Silwad town of Ramallah and arrested three men.", "Silwad"),
    ],
)
def test_out_of_a_town_fought_in_and_a_village_of_a_city_keep_their_site(pipeline, text, site):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert site in placed


def test_a_journey_s_end_is_kept_for_a_journey(pipeline):
    text = "Macron left Paris on Monday on his way to Kyiv."
    assert "Kyiv" in set().union(*_where(_located(pipeline, text), text).values())


@pytest.mark.parametrize(
    "text",
    [
        "The cyberattack hit devices across Dorvik, disrupting banks.",
        "Security forces shot dead a would-be car bomber at a checkpoint in Dorvik.",
    ],
)
def test_devices_hit_by_hackers_and_a_bomber_shot_are_no_explosion(nlp, layers, text):
    assert "explosions" not in _layers_at(_events(nlp, layers, text, ["Dorvik"]), text).get(
        "Dorvik", set()
    )


@pytest.mark.parametrize(
    "text",
    [
        "In the game Saturday, rival fans clashed with police outside the stadium in Dorvik.",
        "In further drama Tuesday, protesters stormed the parliament in Dorvik.",
        "In Trump's drama, the Marines are deployed to Dorvik.",
    ],
)
def test_a_day_after_a_work_word_or_a_figure_of_drama_is_still_news(nlp, layers, text):
    assert any(e.locations for e in _events(nlp, layers, text, ["Dorvik"]))


def test_a_country_s_province_after_a_town_is_its_context(pipeline):
    """As "near Djibo in Soum province" would: the possessive only says whose province."""
    text = "Gunmen attacked a village near Djibo in Burkina Faso's Soum province on Monday."
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert "near Djibo" in placed or "Djibo" in placed
    assert not {"Soum province", "Soum", "Burkina Faso"} & placed


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        ("Dorvik closed its skies until further notice.", "airspace"),
        ("The ministry summoned the Turkish charge d'affaires in Dorvik on Sunday.", "meetings"),
    ],
)
def test_skies_closed_and_a_charge_d_affaires_summoned_are_told(nlp, layers, text, layer):
    assert layer in _layers_at(_events(nlp, layers, text, ["Dorvik"]), text).get("Dorvik", set())


@pytest.mark.parametrize(
    "text",
    [
        "In Dorvik, the forwards shelled the visitors' defence before a striker blasted in a "
        "late winner.",
        "In the Dorvik derby, the home side bombarded the visitors' goal, and fans celebrated.",
        "Chip stocks were shot down in Dorvik on Monday.",
    ],
)
def test_a_match_or_a_market_told_in_war_s_words_is_no_attack(nlp, layers, text):
    layers_at = _layers_at(_events(nlp, layers, text, ["Dorvik"]), text).get("Dorvik", set())
    assert not layers_at & {"strike_sites", "explosions", "shootdown_area"}


def _town(name: str, lat: float, lon: float, population: int) -> Place:
    return Place(f"t:{name}", name, "IQ", "city", Point(lon, lat), lat, lon, Precision.EXACT,
                 population=population)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # the smaller of two known towns is the part, in either order
        ("Artillery shelled the Zorvanek district of Kharbin on Monday.", "Zorvanek"),
        ("Artillery shelled the Kharbin district of Zorvanek on Monday.", "Zorvanek"),
    ],
)
def test_of_two_known_towns_one_a_part_of_the_other_the_part_is_the_site(nlp, layers, text, site):
    places = {
        "Kharbin": _town("Kharbin", 36.30, 43.10, 1_200_000),
        "Zorvanek": _town("Zorvanek", 36.33, 43.15, 300_000),
    }
    events = _events(nlp, layers, text, sorted(places, key=text.index), places)
    assert _where(events, text)["shelling"] == {site}


def test_a_town_far_beyond_a_city_s_reach_is_no_part_of_it(nlp, layers):
    text = "Artillery shelled the Zorvanek district of Kharbin on Monday."
    places = {
        "Kharbin": _town("Kharbin", 36.30, 43.10, 1_200_000),
        "Zorvanek": _town("Zorvanek", 35.00, 44.50, 300_000),  # some 190 km away
    }
    events = _events(nlp, layers, text, ["Zorvanek", "Kharbin"], places)
    assert _where(events, text)["shelling"] == {"Kharbin"}


def test_a_known_neighbourhood_before_its_city_is_where_troops_went(pipeline):
    text = "Troops deployed armoured vehicles to the Delmas neighbourhood of Port-au-Prince."
    assert _where(_located(pipeline, text), text)["movement"] == {"Delmas"}


def test_a_vicinity_phrase_before_a_kind_of_place_does_not_hide_the_named_town(nlp, layers):
    """ "near the West Bank city of Hebron": the phrase's preposition is no place."""
    text = "Soldiers shot dead two men near the West Bank city of Hebron."
    start = text.index("near")
    end = text.index(" city")
    phrase = Mention(
        start, end, text[start:end], MentionKind.PHRASE, "West Bank", text.index("West"), end
    )
    hebron = _mention(text, "Hebron")
    events = detect_events(
        nlp(text), [Resolved(phrase, None), Resolved(hebron, None)], layers=layers
    )
    assert "Hebron" in set().union(*_where(events, text).values())


@pytest.mark.parametrize("as_phrase", [False, True])
def test_a_town_after_a_comma_and_near_only_says_where_the_site_lies(nlp, layers, as_phrase):
    text = "Gunmen killed two farmers in Zorvanek, near Kharbin, on Sunday."
    start = text.index("near" if as_phrase else "Kharbin")
    end = text.index(", on")
    near = Mention(start, end, text[start:end], MentionKind.PHRASE, "Kharbin",
                   text.index("Kharbin"), end)  # fmt: skip
    resolved = [Resolved(_mention(text, "Zorvanek"), None), Resolved(near, None)]
    events = detect_events(nlp(text), resolved, layers=layers)
    assert _where(events, text)["killing"] == {"Zorvanek"}


@pytest.mark.parametrize("scored", [False, True])
def test_an_event_noun_of_another_kind_keeps_its_own_place(nlp, layers, scored):
    text = "A siege in Zorvanek and protests in Kharbin were reported on Monday."
    resolved = [Resolved(_mention(text, n), None) for n in ("Zorvanek", "Kharbin")]
    model = load_location_model() if scored else None
    events = detect_events(nlp(text), resolved, layers=layers, model=model)
    where = _where(events, text)
    assert where["protest"] == {"Kharbin"}
    assert "Kharbin" not in set().union(*(v for k, v in where.items() if k != "protest"))


def test_a_list_the_parser_reads_as_appositions_is_still_a_list(nlp, layers):
    text = (
        "Warships will patrol the Red Sea, the Gulf of Aden, the Arabian Sea and the Persian Gulf."
    )
    names = ["Red Sea", "Gulf of Aden", "Arabian Sea", "Persian Gulf"]
    events = _events(nlp, layers, text, names)
    assert set(names) <= set().union(*_where(events, text).values())


def test_a_country_after_a_comma_still_only_says_where_the_town_lies(nlp, layers):
    mali = Place("t:ml", "Mali", "ML", "country", box(-12, 10, 4, 25), 17.6, -4.0,
                 Precision.COUNTRY)  # fmt: skip
    gao = Place("t:gao", "Gao", "ML", "city", Point(-0.04, 16.27), 16.27, -0.04, Precision.EXACT)
    text = "Gunmen attacked a market in Gao, Mali, on Sunday."
    events = _events(nlp, layers, text, ["Gao", "Mali"], {"Gao": gao, "Mali": mali})
    assert _where(events, text)["attack"] == {"Gao"}


def test_a_list_going_on_after_a_town_and_its_state_is_still_a_list(nlp, layers):
    ohio = Place("t:oh", "Ohio", "US", "admin1", box(-84.8, 38.4, -80.5, 42.3), 40.4, -82.9,
                 Precision.REGION)  # fmt: skip
    text = "Two men were shot in Dayton, Ohio, Kharbin, and Zorvanek."
    events = _events(nlp, layers, text, ["Dayton", "Ohio", "Kharbin", "Zorvanek"], {"Ohio": ohio})
    assert {"Dayton", "Kharbin", "Zorvanek"} <= _where(events, text)["attack"]


@pytest.mark.parametrize(
    "text",
    [
        "Government forces launched an offensive to recapture Zorvanek on Friday.",
        "Rebels launched a joint assault that targeted army posts in Zorvanek.",
    ],
)
def test_what_an_assault_went_for_is_where_it_was(nlp, layers, text):
    events = _events(nlp, layers, text, ["Zorvanek"])
    launched = [e for e in events if e.trigger == "launched"]
    assert launched and {text[loc.start : loc.end] for loc in launched[0].locations} == {"Zorvanek"}


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # the verb that says it began or was tried carries the negation
        ("Rebels never tried to storm Zorvanek.", {"assault_by_armed_men"}),
        ("Rebels did not begin attacking Zorvanek.", {"attack"}),
        # what a denied deed did is part of the denied claim; a done deed's is not
        ("The army denied that its missile struck Zorvanek, killing 12.", {"strike", "killing"}),
        ("A missile struck Zorvanek, killing 12.", set()),
    ],
)
def test_a_denial_reaches_the_verbs_of_its_claim(nlp, layers, text, denied):
    events = _events(nlp, layers, text, ["Zorvanek"])
    assert {e.type for e in events if e.denied} == denied
    assert all(e.denied for e in events) == bool(denied)


@pytest.mark.parametrize(
    ("text", "layer", "done"),
    [
        ("Rebels have not captured Zorvanek, officials said.", "seizures", False),
        ("No missile strikes hit Zorvanek overnight.", "strike_sites", False),
        ("Russian jets never bombed Zorvanek, the ministry said.", "strike_sites", False),
        ("The army denied shelling Zorvanek on Sunday.", "strike_sites", False),
        ("Rebels captured Zorvanek, officials said.", "seizures", True),
        ("Missile strikes hit Zorvanek overnight.", "strike_sites", True),
    ],
)
def test_an_event_the_text_denies_is_listed_as_denied(nlp, layers, text, layer, done):
    """The claim is kept for the reader, flagged: the map puts a denied event nowhere."""
    events = [e for e in _events(nlp, layers, text, ["Zorvanek"]) if e.layer == layer]
    assert events, "the event is listed either way"
    assert all(e.denied is not done for e in events)
    assert _where(events, text) == {events[0].type: {"Zorvanek"}}


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("A reporter was shot in Zorvanek, where thousands later demonstrated.", "protest"),
        ("Troops entered Zorvanek, where clashes erupted on Monday.", "armed_clash"),
    ],
)
def test_a_where_clause_happens_at_the_place_it_hangs_on(nlp, layers, text, type_id):
    events = _events(nlp, layers, text, ["Zorvanek"])
    assert _where(events, text).get(type_id) == {"Zorvanek"}


def test_the_scorer_does_not_reach_into_another_events_own_clause(nlp, layers):
    text = (
        "Government forces launched an offensive to recapture Saraqib, "
        "and jets bombed Aleppo's largest market."
    )
    resolved = [
        Resolved(_mention(text, "Saraqib"), None),
        Resolved(_mention(text, "Aleppo"), _ALEPPO),
    ]
    model = load_location_model()
    assert model is not None and model.reach_threshold < 1.0  # the scorer may reach
    events = detect_events(nlp(text), resolved, layers=layers, model=model)
    where = _where(events, text)
    assert "Aleppo" not in where.get("seizure", set())
    assert "Aleppo" in where["air_strike"]


def test_the_scorer_does_not_reach_into_a_report_of_another_event(nlp, layers):
    text = (
        "Warships patrolled the Red Sea, the Gulf of Aden and the Arabian Sea as Houthi "
        "forces said they had targeted a tanker off the port of Hodeidah."
    )
    names = ["Red Sea", "Gulf of Aden", "Arabian Sea", "Hodeidah"]
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=layers, model=load_location_model())
    targeted = [e for e in events if e.trigger == "targeted"]
    assert targeted and {text[loc.start : loc.end] for loc in targeted[0].locations} <= {"Hodeidah"}


def test_an_event_noun_the_tagger_reads_as_an_auxiliary_is_still_found(nlp, layers):
    """The small model tags "shelling" AUX before "hit"; no auxiliary is spelled so."""
    text = "Russian shelling hit a village near Zorvanek on Monday."
    events = _events(nlp, layers, text, ["Zorvanek"])
    shelling = [e for e in events if e.trigger == "shelling"]
    assert shelling and shelling[0].layer == "strike_sites"


def test_a_weapon_named_by_its_fire_makes_hit_a_strike(nlp, layers):
    text = "Heavy shelling hit a market in Zorvanek on Monday."
    events = _events(nlp, layers, text, ["Zorvanek"])
    assert any(e.trigger == "hit" and e.type == "strike" for e in events)


def test_there_links_to_the_previous_sentence_with_lower_confidence(nlp, layers):
    text = "Warplanes bombed Idlib on Monday. Dozens were killed there."
    events = _events(nlp, layers, text, ["Idlib"])
    killing = next(e for e in events if e.type == "killing")
    (location,) = killing.locations
    assert location.linked and text[location.start : location.end] == "Idlib"
    bombing = next(e for e in events if e.type == "air_strike")
    assert location.confidence < bombing.locations[0].confidence


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("Gunmen attacked the army base in Dorvik on Sunday. The assault on the base lasted "
         "hours.", True),
        ("Inmates rioted at the prison in Dorvik on Friday. Soldiers retook control of the "
         "prison on Sunday.", True),
        # no base named before: "the base" is another
        ("Gunmen attacked a market in Dorvik on Sunday. The assault on the base lasted hours.",
         False),
        # a part of "the city" points back to the city too
        ("Drones struck a depot in Dorvik on Sunday. Air defences shot down other drones "
         "over the northern districts of the city.", True),
    ],
)  # fmt: skip
def test_a_site_named_again_links_to_the_sentence_that_named_it(nlp, layers, text, linked):
    events = _events(nlp, layers, text, ["Dorvik"])
    second = events[-1]
    assert bool(second.locations and all(loc.linked for loc in second.locations)) is linked


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("A car bomb went off in Dorvik on Sunday. Six people were killed in the blast, "
         "police said.", True),
        ("Gunmen fired on a bus near Dorvik, and officials said four were killed in the attack.",
         False),
    ],
)  # fmt: skip
def test_an_event_told_again_is_where_it_was_told_first(nlp, layers, text, linked):
    events = _events(nlp, layers, text, ["Dorvik"])
    first = min(e.trigger_start for e in events)
    again = [e for e in events if e.trigger_start > first]
    assert {e.type for e in again} >= {"killing"}
    for event in again:
        assert [text[loc.start : loc.end] for loc in event.locations] == ["Dorvik"]
        assert all(loc.linked is linked for loc in event.locations)


@pytest.mark.parametrize(
    "text",
    [
        # another attack than the one told, or one in another paragraph, or no violence
        "A car bomb went off in Dorvik on Sunday. The latest attack left six dead.",
        "A car bomb went off in Dorvik on Sunday. The 2019 attack left six dead.",
        "A car bomb went off in Dorvik on Sunday.\n\nThe attack left six dead.",
        "Crowds marched through Dorvik on Sunday. Six were killed in the attack.",
        # a blast recalled in the sentence before is no attack the story tells
        "Last Friday a blast at a mosque in Dorvik killed 50. Islamic State claimed the attack.",
    ],
)
def test_an_event_not_told_before_takes_no_place_from_the_sentence_before(nlp, layers, text):
    events = _events(nlp, layers, text, ["Dorvik"])
    second = text.index(". ") if ". " in text else text.index("\n")
    assert not [e for e in events if e.trigger_start > second and e.locations]


@pytest.mark.parametrize(
    ("text", "dispersed"),
    [
        ("Police fired tear gas to disperse the crowd in Dorvik.", True),
        ("Police dispersed protesters in Dorvik with batons.", True),
        ("The fog dispersed over Dorvik by noon.", False),
    ],
)
def test_a_crowd_the_police_broke_up_is_on_the_protests_layer(nlp, layers, text, dispersed):
    where = _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)
    assert ("protests" in where.get("Dorvik", set())) is dispersed


def test_a_participle_that_names_a_town_keeps_off_its_clauses_places(pipeline):
    """The scorer took the district the offensive was launched in for the targeting's."""
    text = (
        "Rebels launched an offensive in the western countryside of the Salamiyah District, "
        "targeting army positions at the village of Sabura."
    )
    events = _located(pipeline, text)
    (targeting,) = [e for e in events if text[e.trigger_start : e.trigger_end] == "targeting"]
    assert {text[loc.start : loc.end] for loc in targeting.locations} == {"Sabura"}


def test_riot_police_are_no_riot(nlp, layers):
    assert not _reports(nlp, layers, "Riot police cleared the square in Dorvik.", "riot")


def test_an_unlinked_next_paragraph_does_not_take_the_place(nlp, layers):
    text = "Warplanes bombed Idlib on Monday.\n\nDozens were killed there."
    events = _events(nlp, layers, text, ["Idlib"])
    assert not next(e for e in events if e.type == "killing").locations


def test_events_without_a_place_are_still_reported_with_trigger_actor_and_date(nlp, layers):
    text = "Rebels ambushed an army convoy on Tuesday."
    (event,) = [e for e in _events(nlp, layers, text, []) if e.type == "attack"]
    assert text[event.trigger_start : event.trigger_end] == "ambushed"
    assert event.locations == ()
    assert event.actor is not None and text[event.actor[0] : event.actor[1]] == "Rebels"
    assert event.target is not None and "convoy" in text[event.target[0] : event.target[1]]
    assert event.date == "2024-02-27" and event.date_source == "sentence"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("The bomber, a teenager from the north of the city, detonated his vest in Maiduguri.",
         "detonated"),
        ("The blast at the depot beside the old river port occurred in Maiduguri at dawn.",
         "blast"),
    ],
)  # fmt: skip
def test_a_noun_far_from_its_verb_quotes_the_word_that_says_what_happened(
    nlp, layers, text, quoted
):
    """A verb that names the event is quoted; one that only says it happened is not."""
    events = [e for e in _events(nlp, layers, text, ["Maiduguri"]) if e.layer == "explosions"]
    assert [e.trigger for e in events] == [quoted]
    assert _layers_at(events, text) == {"Maiduguri": {"explosions"}}
    (event,) = events
    assert quoted in [text[a:b] for a, b in event.trigger_words]


def test_a_trigger_keeps_the_verb_it_does_not_quote(nlp, layers):
    """ "The blast ... occurred": both words report the event, though one is quoted."""
    text = "The blast at the depot beside the old river port occurred in Maiduguri at dawn."
    (event,) = [e for e in _events(nlp, layers, text, ["Maiduguri"]) if e.layer == "explosions"]
    assert [text[a:b] for a, b in event.trigger_words] == ["blast", "occurred"]


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("Unidentified gunmen on Tuesday shot and injured a doctor in Pattani.", True),
        ("Police in western Mostar shot at a car with foreign plates.", True),
        ("She took a shot at the title in Doha.", False),
        ("On the island of Dorvik, a looter shot and killed a man.", True),
        ("A warning shot and a blast were heard in Dorvik.", False),
    ],
)
def test_a_past_form_the_tagger_reads_as_a_noun_is_still_the_verb(nlp, layers, text, attack):
    """The small tagger reads "shot" in "shot and injured" as a noun; a shot taken is one."""
    assert _reports(nlp, layers, text, "attack") is attack


def test_whence_a_launch_came_is_still_not_its_site(nlp, layers):
    """Only a type that lists the origin role takes a "from" place."""
    text = "Rockets fired from Gaza fell near Sderot."
    events = _events(nlp, layers, text, ["Gaza", "Sderot"])
    assert "Gaza" not in set().union(*_where(events, text).values())


@pytest.mark.parametrize(
    ("text", "strike"),
    [
        ("The negotiators struck a deal in Doha.", False),
        ("The army launched an assault, striking rebel defences near Doha.", True),
        ("Government forces struck several militant sites near Doha.", True),
    ],
)
def test_a_strike_without_a_weapon_needs_a_military_target(nlp, layers, text, strike):
    events = _events(nlp, layers, text, ["Doha"])
    assert ("strike_sites" in {e.layer for e in events}) is strike


def test_a_conjoined_clause_of_another_kind_keeps_its_place(nlp, layers):
    """The raid's camp is not where the strike was; two deaths and four wounded share one."""
    text = "Israel struck Hamas targets across Gaza, and troops raided a camp near Jenin."
    where = _where(_events(nlp, layers, text, ["Gaza", "Jenin"]), text)
    assert where["strike_on_targets"] == {"Gaza"}
    text = "Two men were killed and four others wounded in an ambush near Gao."
    where = _where(_events(nlp, layers, text, ["Gao"]), text)
    assert where["killing"] == {"Gao"}


def test_an_event_noun_whose_deaths_are_placed_is_there_too(nlp, layers):
    text = "An airstrike killed nine militants near Baaj."
    where = _where(_events(nlp, layers, text, ["Baaj"]), text)
    assert where["air_strike"] == {"Baaj"}


def test_what_was_found_must_be_bodies(nlp, layers):
    text = "Police found a weapons cache in Kismayo."
    assert "bodies_found" not in {e.type for e in _events(nlp, layers, text, ["Kismayo"])}


def test_part_of_an_event_noun_takes_its_verb(nlp, layers):
    """ "Most of the clashes occurred near X": the verb reports the clashes."""
    text = "Most of the clashes on Sunday occurred near Beni."
    (event,) = [e for e in _events(nlp, layers, text, ["Beni"]) if e.layer == "clashes"]
    assert "occurred" in event.trigger
    assert _layers_at([event], text) == {"Beni": {"clashes"}}


@pytest.mark.parametrize(
    ("text", "type_id", "trigger"),
    [
        # A subject no type names: the verb itself reports that something happened there.
        ("The collision occurred near Dorvik on Tuesday.", "incident", "occurred"),
        ("The ceremony took place in Dorvik.", "incident", "took"),
        # A subject that is an event of its own takes the verb: one event, not two.
        ("The gunbattle happened in Dorvik late on Monday.", "armed_clash", "gunbattle happened"),
        ("The blast occurred in Dorvik.", "explosion", "blast occurred"),
        ("The talks took place in Dorvik.", "meeting", "talks took place"),
    ],
)
def test_what_only_happened_somewhere_is_an_incident_unless_its_subject_is_an_event(
    nlp, layers, text, type_id, trigger
):
    events = _events(nlp, layers, text, ["Dorvik"])
    assert [(e.type, e.trigger) for e in events] == [(type_id, trigger)]
    assert _where(events, text) == {type_id: {"Dorvik"}}
    on_the_map = {layer.id for layer in layers if not layer.default}
    assert (events[0].layer in on_the_map) == (type_id != "incident")


@pytest.mark.parametrize(
    ("text", "type_id", "on_a_layer"),
    [
        # People going somewhere: cited, but among the other places.
        ("Aid trucks entered eastern Dorvik through the crossing.", "journey", False),
        ("The refugees arrived in Dorvik on Monday.", "journey", False),
        # Armed forces moving are a troop movement, and a trip for talks a meeting.
        ("Rebel fighters entered Dorvik overnight.", "movement", True),
        ("Troops arrived in Dorvik on Monday.", "forces_arrived", True),
        ("Army units arrived in Dorvik by helicopter.", "forces_arrived", True),
        ("The minister arrived in Dorvik on Monday.", "journey", False),
        # aid, rescue and sport are no forces
        ("A UN aid convoy arrived in Dorvik on Monday.", "journey", False),
        ("Rescue units arrived in Dorvik after the earthquake.", "journey", False),
        ("The fire brigade arrived in Dorvik within minutes.", "journey", False),
        ("UFC fighters arrived in Dorvik for the weigh-in.", "journey", False),
        ("The envoy arrived in Dorvik for talks on Monday.", "travel_for_talks", True),
    ],
)
def test_who_went_somewhere_says_what_kind_of_movement(nlp, layers, text, type_id, on_a_layer):
    # the talks a trip was for are where it went: a meeting there too
    events = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.locations]
    events = [e for e in events if e.type != "meeting"]
    assert [e.type for e in events] == [type_id]
    assert _where(events, text) == {type_id: {"Dorvik"}}
    shown = {layer.id for layer in layers if not layer.default}
    assert (events[0].layer in shown) is on_a_layer


@pytest.mark.parametrize(
    "text",
    [
        "The army returned fire near Dorvik.",
        "The minister escaped injury in Dorvik.",
        "The treaty entered into force in Dorvik.",
        "Ahmed heads the council in Dorvik.",
        "Shelling hit a substation in Dorvik, leaving 40,000 homes without electricity.",
    ],
)
def test_other_senses_of_the_verbs_of_going_are_no_journey(nlp, layers, text):
    assert "journey" not in {e.type for e in _events(nlp, layers, text, ["Dorvik"])}


def test_an_event_that_moves_or_leaves_is_no_journey(nlp, layers):
    text = "The airstrike left a crater in Dorvik."
    events = _events(nlp, layers, text, ["Dorvik"])
    assert "journey" not in {e.type for e in events}
    assert _where(events, text).get("air_strike") == {"Dorvik"}


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Rebel factions began attacking army posts in Dorvik.", "began"),
        ("The army continued to shell Dorvik on Monday.", "continued"),
        ("Militants tried to storm a checkpoint in Dorvik.", "tried"),
    ],
)
def test_the_verb_that_says_an_event_began_or_went_on_is_part_of_its_trigger(
    nlp, layers, text, aspect
):
    events = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.locations]
    assert len(events) == 1
    words = {text[start:end] for start, end in events[0].trigger_words}
    assert aspect in words and len(words) == 2
    assert aspect in events[0].trigger  # quoted with the verb it governs


@pytest.mark.parametrize(
    ("text", "name", "place", "site"),
    [
        # A town's police act in their town; a country's police are only whose.
        ("Aleppo police shot a gunman on Monday.", "Aleppo", _ALEPPO, True),
        ("United States police detained ten men.", "United States", _US, False),
    ],
)
def test_a_towns_police_act_in_their_town(nlp, layers, text, name, place, site):
    events = _events(nlp, layers, text, [name], {name: place})
    assert (name in {n for names in _where(events, text).values() for n in names}) is site


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Guerrillas launched a wave of attacks across Dorvik.", "launched"),
        ("Jets carried out a series of strikes on Dorvik.", "carried"),
    ],
)
def test_a_run_of_events_is_launched_by_its_verb(nlp, layers, text, verb):
    events = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.locations]
    assert len(events) == 1
    assert verb in {text[start:end] for start, end in events[0].trigger_words}


@pytest.mark.parametrize(
    ("text", "names", "where"),
    [
        # a march happens along its route, from where it set off to where it went
        (
            "Thousands marched from Alvora to Dorvik on Sunday.",
            ["Alvora", "Dorvik"],
            {"protest_march": {"Alvora", "Dorvik"}},
        ),
        # where protesters came from is not where they protested
        (
            "Protesters from Alvora rallied in Dorvik.",
            ["Alvora", "Dorvik"],
            {"protest": {"Dorvik"}},
        ),
        # troops marching in are a movement
        ("Troops marched into Dorvik.", ["Dorvik"], {"movement": {"Dorvik"}}),
        # troops marching from one town to another hold no protest
        ("Russian troops marched from Alvora to Dorvik on Tuesday.", ["Alvora", "Dorvik"], {}),
        # a column of protesters does
        (
            "A column of protesters marched from Alvora to Dorvik.",
            ["Alvora", "Dorvik"],
            {"protest_march": {"Alvora", "Dorvik"}, "protest": set()},
        ),
    ],
)
def test_a_march_and_its_route(nlp, layers, text, names, where):
    assert _where(_events(nlp, layers, text, names), text) == where


def test_a_list_the_rules_took_shares_the_scorers_verdict(nlp, layers):
    """A scorer that doubts the list's far end keeps it with the rest of the list."""
    text = "Jets struck positions at Alvora, Bertuk, Cemmal and Dorvik on Monday."
    names = ["Alvora", "Bertuk", "Cemmal", "Dorvik"]
    doubting = LocationModel({"bias": 3.0, "dist=<=12": -10.0}, threshold=0.4)
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=layers, model=doubting)
    assert _where(events, text)["strike_on_targets"] == set(names)
    refusing = LocationModel({"bias": -10.0}, threshold=0.4)  # a scorer that keeps none
    events = detect_events(nlp(text), resolved, layers=layers, model=refusing)
    assert not _where(events, text).get("strike_on_targets")


def test_a_bearing_phrase_holds_no_place_named_after_it(nlp, layers):
    """ "north of Dorvik in Samarra": Samarra is where it happened, not Dorvik's district."""
    text = "Four soldiers were killed north of Dorvik in Samarra and Balad."
    offset = Place("t:off", "North of Dorvik", "IQ", "offset", Point(44.0, 34.0), 34.0, 44.0,
                   Precision.REGION)  # fmt: skip
    town = Place("t:sam", "Samarra", "IQ", "city", Point(43.9, 34.2), 34.2, 43.9, Precision.EXACT)
    places = {"north of Dorvik": offset, "Samarra": town}
    events = _events(nlp, layers, text, list(places), places)
    assert "Samarra" in _where(events, text).get("killing", set())


def test_what_an_offensive_is_aimed_at_is_said_by_the_offensive(nlp, layers):
    text = "The offensive is aimed at capturing Dorvik before winter."
    (event,) = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.layer == "attacks"]
    assert "aimed" in {text[start:end] for start, end in event.trigger_words}


def test_a_noun_and_its_verb_are_one_event(nlp, layers):
    text = "Airstrikes hit Sanaa on Friday."
    events = [e for e in _events(nlp, layers, text, ["Sanaa"]) if e.layer == "strike_sites"]
    assert len(events) == 1
    assert events[0].trigger == "Airstrikes hit"
    assert _layers_at(events, text) == {"Sanaa": {"strike_sites"}}


@pytest.mark.parametrize(
    ("text", "names", "where"),
    [
        # Where a leader judged an event told before is not where it happened.
        ('In Vandoria, the president called the attack "pure terror" and asked for help.',
         ["Vandoria"], {}),
        ("In Port Sella, the minister condemned the shelling as a war crime.",
         ["Port Sella"], {}),
        # A participle that only describes a thing does not say where it came about.
        # (the escort itself is a naval movement towards the port)
        ("A frigate escorted the damaged tanker towards Port Sella.", ["Port Sella"],
         {"movement": {"Port Sella"}}),
        # The place of the thing it describes still can.
        ("Rescuers searched the destroyed school in Port Sella.", ["Port Sella"],
         {"destruction": {"Port Sella"}}),
    ],
)  # fmt: skip
def test_where_an_event_was_judged_or_a_thing_described_is_not_its_site(
    nlp, layers, text, names, where
):
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=layers, model=load_location_model())
    assert {k: v for k, v in _where(events, text).items() if v} == where


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        # A diplomat's letter is no street protest.
        ("The ministry summoned the envoy and handed him a protest note.", False),
        ("The government lodged a formal protest with its neighbour.", False),
        ("The capital sent a note of protest to the embassy.", False),
        # (tester round 38, F5) a protest made to a government is a diplomat's; one made
        # to a body within the street's reach is the street's (the review of session 49, 4)
        ("Japan protested to Beijing through diplomatic channels.", False),
        ("Teachers protested to the ministry over unpaid salaries.", True),
        ("Traders closed their shops to protest against checkpoints on the road to Bangui.",
         True),
        ("Students held a protest march through the capital.", True),
        ("Thousands protested outside the parliament.", True),
        # A month is no march.
        ("Fighting spread to the eastern hills in early March.", False),
        ("The envoys arrived on 3 March and left the next day.", False),
        ("Thousands marched through the capital on 3 March.", True),
        # a dateline's day the model tags as no date (tester round 39)
        ("KESRA, 26 March - Fighting between the national army and the armed youths "
         "known as the Red Army spread along the river this week.", False),
    ],
)
def test_a_protest_is_people_in_the_street(nlp, layers, text, protest):
    said = {e.type for e in _events(nlp, layers, text, [])}
    assert bool(said & {"protest", "protest_march"}) is protest


@pytest.mark.parametrize(
    ("text", "names", "where"),
    [
        # Air defence: what was destroyed in flight, and where.
        ("The air force said 40 of 52 drones launched overnight were destroyed over Vandoria.",
         ["Vandoria"], {"destroyed_in_flight": {"Vandoria"}}),
        ("Air defences destroyed twelve missiles over Port Sella.", ["Port Sella"],
         {"destroyed_in_flight": {"Port Sella"}}),
        # A depot drones destroyed was struck, not shot down.
        ("Drones destroyed a fuel depot in Port Sella.", ["Port Sella"],
         {"projectile_damage": {"Port Sella"}}),
        # Where rockets came down was struck; prices that fell are no impact.
        ("Rockets fired from Vandoria fell near Port Sella.", ["Vandoria", "Port Sella"],
         {"projectile_impact": {"Port Sella"}}),
        ("A mortar shell landed in a schoolyard in Port Sella.", ["Port Sella"],
         {"projectile_impact": {"Port Sella"}}),
        ("Prices fell in Port Sella as rockets were tested.", ["Port Sella"], {}),
    ],
)  # fmt: skip
def test_what_came_down_and_where(nlp, layers, text, names, where):
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=layers, model=load_location_model())
    found = {k: v for k, v in _where(events, text).items() if v}
    assert {k: found.get(k) for k in where} == where
    assert "projectile_impact" in where or "projectile_impact" not in found
    # A launch happens where it started: not where what it launched came down.
    assert not found.get("missile_launch")


@pytest.mark.parametrize(
    ("text", "names", "where"),
    [
        # What talks were about is no place they were held, however "on" is parsed.
        ("Delegations resumed indirect talks in Port Sella on Sunday on a new truce in "
         "Vandoria.", ["Port Sella", "Vandoria"], {"meeting": {"Port Sella"}}),
        ("The two ministers met on the sidelines of the summit in Port Sella.", ["Port Sella"],
         {"meeting": {"Port Sella"}}),
        # Hostages named are no abduction; taking them is.
        ("The talks focused on the release of hostages held in Vandoria.", ["Vandoria"], {}),
        ("Gunmen took twelve hostages at a school in Vandoria.", ["Vandoria"],
         {"abduction": {"Vandoria"}}),
        # A raid by the police is an arrest operation, one by gunmen an attack.
        ("Police detained 45 people in dawn raids across Port Sella.", ["Port Sella"],
         {"arrest": {"Port Sella"}, "police_raid": {"Port Sella"}}),
        ("Officials said gunmen raided a village near Port Sella.", ["Port Sella"],
         {"attack": {"Port Sella"}}),
    ],
)  # fmt: skip
def test_topics_hostages_and_police_raids(nlp, layers, text, names, where):
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=layers, model=load_location_model())
    found = {k: v for k, v in _where(events, text).items() if v}
    assert found == where


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        ("A home-made bomb struck the minibus in Port Sella.", "explosions"),
        ("A suicide bomber struck a restaurant in Port Sella.", "explosions"),
        ("Missiles struck an apartment block in Port Sella.", "strike_sites"),
        ("Rockets that fell near Port Sella wounded two.", "strike_sites"),
    ],
)
def test_what_struck_says_the_kind_of_event(nlp, layers, text, layer):
    """A bomb that hits is a bombing, a missile that hits a strike."""
    events = _events(nlp, layers, text, ["Port Sella"])
    assert _layers_at(events, text)["Port Sella"] >= {layer}
    assert "explosions" not in _layers_at(events, text)["Port Sella"] or layer == "explosions"


@pytest.mark.parametrize(
    ("text", "names", "where"),
    [
        # A plural part of a place, and a belt or corridor of a country, are parts of it.
        ("The army launched a new assault in the southern Vandoria districts.", ["Vandoria"],
         {"Vandoria"}),
        ("Rebels captured a major town in Vandoria's cocoa belt on Sunday.", ["Vandoria"],
         {"Vandoria"}),
        # What a country owns is still its own.
        ("Vandoria's drones struck Port Sella.", ["Vandoria", "Port Sella"], {"Port Sella"}),
    ],
)  # fmt: skip
def test_a_part_of_a_place_passes_the_place_on(nlp, layers, text, names, where):
    events = _events(nlp, layers, text, names)
    assert set(_layers_at(events, text)) == where


@pytest.mark.parametrize(
    ("text", "names", "where"),
    [
        # The department after "in the ... of" only says where the town lies.
        ("A bomb exploded near the town of Port Sella, in the eastern department of "
         "Vandoria, on Sunday.", ["Port Sella", "Vandoria"], {"explosion": {"Port Sella"}}),
        # Seized explosives are no explosion, and a map of a place is no site.
        ("Officers seized explosives and a map of the Port Sella district.", ["Port Sella"],
         {}),
        # Another deed with its own object keeps its own place.
        ("The navy shot down seven missiles over Vandoria and sank three boats near "
         "Port Sella.", ["Vandoria", "Port Sella"],
         {"destroyed_in_flight": {"Vandoria"}, "sinking": {"Port Sella"}}),
        ("The navy shot down seven missiles over Vandoria and destroyed three boats near "
         "Port Sella.", ["Vandoria", "Port Sella"],
         {"destroyed_in_flight": {"Vandoria"}, "destruction": {"Port Sella"}}),
        # A visit to the front is an inspection, not talks.
        ("The minister visited the front near Port Sella.", ["Port Sella"], {}),
    ],
)  # fmt: skip
def test_what_only_locates_shows_or_goes_on(nlp, layers, text, names, where):
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=layers, model=load_location_model())
    assert {k: v for k, v in _where(events, text).items() if v} == where


@pytest.mark.parametrize(
    "text",
    ["Their jeep came under fire near Port Sella on Sunday.",
     "The convoy came under attack near Port Sella on Monday."],
)  # fmt: skip
def test_what_came_under_fire_was_attacked_there(nlp, layers, text):
    (event,) = [e for e in _events(nlp, layers, text, ["Port Sella"]) if e.layer == "attacks"]
    assert event.trigger.startswith("came under")
    assert {text[loc.start : loc.end] for loc in event.locations} == {"Port Sella"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("There was an attack by gunmen in Port Sella on Sunday.", {"was", "attack"}),
        ("There have been protests in Port Sella since May.", {"been", "protests"}),
    ],
)
def test_there_was_an_event_quotes_its_be(nlp, layers, text, words):
    (event,) = [e for e in _events(nlp, layers, text, ["Port Sella"]) if e.locations]
    assert {text[start:end] for start, end in event.trigger_words} == words


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Protesters stormed the offices of the Bank of England on Monday.", "England"),
        ("Rebels attacked the headquarters of the Bank of Ghana in Tamale.", "Ghana"),
    ],
)
def test_a_place_inside_an_organisations_name_is_no_events_place(pipeline, text, inside):
    doc = pipeline.nlp(text)
    resolved = pipeline.locate(doc)
    assert inside in {r.mention.text for r in resolved}  # still a mention: gold counts it
    events = detect_events(doc, resolved, layers=pipeline.layers)
    taken = {text[loc.start : loc.end] for e in events for loc in e.locations}
    assert events and not any(inside in name for name in taken)


@pytest.mark.parametrize(
    ("text", "names", "type_id", "where"),
    [
        # The event has a place of its own: the "as" clause's place is the clause's.
        (
            "Rebels seized an army base in Dorvik as clashes raged in Kharbin.",
            ["Dorvik", "Kharbin"],
            "seizure",
            {"Dorvik"},
        ),
        (
            "Rebels seized an army base in Dorvik as clashes raged in Kharbin.",
            ["Dorvik", "Kharbin"],
            "armed_clash",
            {"Kharbin"},
        ),
        # Without a place of its own, the event happened where its "when" clause says.
        (
            "Two soldiers were killed when a bomb exploded near Dorvik.",
            ["Dorvik"],
            "killing",
            {"Dorvik"},
        ),
    ],
)
def test_a_when_or_as_clause_lends_its_place_only_to_an_event_without_one(
    nlp, layers, text, names, type_id, where
):
    model = load_location_model()
    resolved = [Resolved(_mention(text, n), None) for n in names]
    events = detect_events(nlp(text), resolved, layers=layers, model=model)
    assert _where(events, text)[type_id] == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # an attack told elsewhere only dates the clause: the places of the clause's
        # own deed are not its
        ("In the days after the attack, troops stormed the town of Dorvik.", set()),
        ("Hours after the attack on Dorvik, troops sealed the border.", {"Dorvik"}),
        # but where the clause tells no deed of its own, it says where the attack was
        ("Hours after the attack, rescuers in Dorvik were still searching the rubble.", {"Dorvik"}),
    ],
)
def test_an_event_that_dates_a_clause_keeps_only_its_own_places(nlp, layers, text, where):
    model = load_location_model()
    resolved = [Resolved(_mention(text, "Dorvik"), None)]
    events = detect_events(nlp(text), resolved, layers=layers, model=model)
    assert _where(events, text).get("attack", set()) == where


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("Protests spread to Dorvik on Monday.", "protest"),
        ("Fighting spread to the outskirts of Dorvik overnight.", "armed_clash"),
    ],
)
def test_where_an_event_spread_to_it_happened_too(nlp, layers, text, type_id):
    assert _where(_events(nlp, layers, text, ["Dorvik"]), text).get(type_id) == {"Dorvik"}


def test_protests_that_did_not_spread_go_on_where_they_were(nlp, layers):
    text = "The protests in Kharbin have not spread to Dorvik."
    events = [e for e in _events(nlp, layers, text, ["Kharbin", "Dorvik"]) if e.type == "protest"]
    assert events and not any(e.denied for e in events)
    assert _where(events, text)["protest"] == {"Kharbin"}


def test_people_detained_where_they_protested_were_detained_there(nlp, layers):
    text = (
        "Police detained opposition politician Ivo Marsh and at least 15 other "
        "demonstrators in the Black Sea city of Dorvik on Sunday."
    )
    where = _where(_events(nlp, layers, text, ["Dorvik"]), text)
    assert where.get("arrest") == {"Dorvik"}, where


def test_a_country_struck_during_talks_abroad_keeps_the_strike(pipeline):
    text = "Warplanes struck Sudan again during ceasefire talks in Jeddah."
    where = _where(_located(pipeline, text), text)
    strikes = set().union(*(v for k, v in where.items() if k != "meeting"))
    assert "Jeddah" not in strikes and "Sudan" in strikes, where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Students protested the siege of Dorvik.", set()),
        ("Students protested the siege of Dorvik outside the embassy in Kharbin.", {"Kharbin"}),
    ],
)
def test_what_a_protest_is_against_is_not_where_it_was(nlp, layers, text, where):
    events = _events(nlp, layers, text, ["Dorvik", "Kharbin"] if "Kharbin" in text else ["Dorvik"])
    assert _where(events, text).get("protest", set()) == where


@pytest.mark.parametrize(
    ("text", "names", "type_id", "where"),
    [
        # What happened during an event happened where that event was.
        ("Soldiers shot a farmer during a raid on Dorvik.", ["Dorvik"], "attack", {"Dorvik"}),
        ("Police detained forty people during protests in Kharbin.", ["Kharbin"], "arrest",
         {"Kharbin"}),
        # Unless the trigger's phrase names a place of its own.
        ("Drones hit a depot in Kharbin during talks in Dorvik.", ["Kharbin", "Dorvik"],
         "strike", {"Kharbin"}),
    ],
)  # fmt: skip
def test_during_an_event_is_where_that_event_was(nlp, layers, text, names, type_id, where):
    events = _events(nlp, layers, text, names)
    assert _where(events, text).get(type_id) == where, _where(events, text)


@pytest.mark.parametrize(
    ("text", "name", "site"),
    [
        # A ministry in the capital speaks from its seat; one in the place, or a
        # local source, from where the event was.
        ("Gunmen ambushed a convoy, killing 12 soldiers, the defence ministry in Niamey said.",
         "Niamey", False),
        ("Shelling killed two civilians, the regional government in Kherson said.",
         "Kherson", True),
        ("A police source in Ramadi said the blast killed four people.", "Ramadi", True),
    ],
)  # fmt: skip
def test_an_institution_in_the_capital_that_reports_an_event_is_not_where_it_happened(
    pipeline, text, name, site
):
    events = _located(pipeline, text)
    assert events
    placed = set().union(*_where(events, text).values())
    assert (name in placed) is site


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A destroyer was deployed to the Gulf of Aden on Monday.", "Gulf of Aden"),
        ("A US Navy destroyer was later deployed to the Strait of Hormuz.", "Strait of Hormuz"),
    ],
)
def test_where_a_force_was_sent_is_its_movements_place(pipeline, text, place):
    events = _located(pipeline, text)
    assert _where(events, text)["movement"] == {place}


def test_a_headlines_semicolon_parts_two_events_and_their_places(nlp, layers):
    text = "Militants storm police post in Dorvik; arrests in Kharbin"
    where = _where(_events(nlp, layers, text, ["Dorvik", "Kharbin"]), text)
    assert where["assault_by_armed_men"] == {"Dorvik"} and where["arrest"] == {"Kharbin"}


def test_the_people_a_country_names_are_whose_not_where(nlp, layers):
    text = "The rocket attack hit the base, wounding several US personnel."
    us = Place("t:us", "United States", "US", "country", box(-125, 25, -66, 49), 39.8, -98.6,
               Precision.COUNTRY)  # fmt: skip
    events = _events(nlp, layers, text, ["US"], {"US": us})
    assert events and not any(e.locations for e in events)


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("A drone hit a depot in Zorvanek without causing casualties.", True),
        ("Shells hit the port of Zorvanek without casualties.", True),
        ("Shells hit a market in Zorvanek, causing casualties.", False),
    ],
)
def test_deaths_said_not_to_have_happened_are_denied(nlp, layers, text, denied):
    (killing,) = [e for e in _events(nlp, layers, text, ["Zorvanek"]) if e.type == "killing"]
    assert killing.denied is denied


@pytest.mark.parametrize(
    "text",
    [
        "An oil tanker was struck by a drone about 40 nautical miles east of Fujairah on Tuesday.",
        "A drone struck a tanker 40 nautical miles east of Fujairah.",
    ],
)
def test_a_ship_struck_at_sea_is_placed_at_its_distance_from_port(pipeline, text):
    events = _located(pipeline, text)
    (strike,) = [e for e in events if e.layer == "strike_sites"]
    (where,) = strike.locations
    assert text[where.start : where.end].startswith("40 nautical miles east of")


@pytest.mark.parametrize(
    "text",
    [
        # the parse takes "20 nm" for a preposition
        "A tanker was seized about 20 nm north-east of Khor Fakkan on Sunday.",
        # the parse takes the distance for a second doer after "by"
        "A tanker was seized by Iranian forces about 20 km north-east of Fujairah.",
    ],
)
def test_a_ship_seized_at_sea_is_placed_at_its_distance_from_port(pipeline, text):
    (seizure,) = [e for e in _located(pipeline, text) if e.type == "seizure"]
    (where,) = seizure.locations
    assert " north-east of " in text[where.start : where.end]


@pytest.mark.parametrize(
    ("text", "patrolled"),
    [
        ("A roadside bomb struck an army patrol near Dorvik.", False),
        ("Gunmen ambushed a police patrol in Dorvik.", False),
        ("Militants opened fire on a patrol in Dorvik.", False),
        ("A patrol was ambushed near Dorvik on Monday.", False),
        ("Troops patrolled the streets of Dorvik.", True),
    ],
)
def test_a_patrol_that_was_attacked_is_no_patrol_event(nlp, layers, text, patrolled):
    assert _reports(nlp, layers, text, "patrol") is patrolled


def test_a_site_named_after_its_place_is_there(pipeline):
    text = "Strikes damaged the National University of Kharkiv on Monday."
    events = _located(pipeline, text, scored=False)
    assert "Kharkiv" in set().union(*_where(events, text).values())


def test_a_country_outside_a_when_clause_does_not_outrank_the_town_inside(pipeline):
    text = "Five people were killed in Sudan when shells hit a market in El Fasher."
    events = _located(pipeline, text)
    assert _where(events, text)["killing"] == {"El Fasher"}


def test_a_headlines_second_part_without_a_place_keeps_the_first_parts(nlp, layers):
    text = "Israeli strikes pound Dorvik; dozens killed"
    resolved = [Resolved(_mention(text, "Dorvik"), None)]
    events = detect_events(nlp(text), resolved, layers=layers, model=load_location_model())
    assert _where(events, text)["killing"] == {"Dorvik"}


@pytest.mark.parametrize(
    "text",
    [
        "Not a day goes by without shelling in Zorvanek.",
        "Hardly a night passes without drone attacks on Zorvanek.",
    ],
)
def test_without_under_a_negation_tells_the_event_as_happening(nlp, layers, text):
    events = [e for e in _events(nlp, layers, text, ["Zorvanek"]) if e.layer == "strike_sites"]
    assert events and not any(e.denied for e in events)


def test_a_grain_ship_that_docks_is_no_movement(nlp, layers):
    assert not _reports(nlp, layers, "A grain ship docked at Dorvik on Monday.", "port_call")


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        (
            "The attack destroyed homes in the village, a survivor told reporters in Kaya.",
            "attacks",
        ),
        (
            "Rebels captured the town, the governor said, speaking to journalists in Gao.",
            "seizures",
        ),
    ],
)
def test_where_a_speaker_told_the_press_is_not_where_the_deed_was(pipeline, text, layer):
    assert all(not e.locations for e in _located(pipeline, text) if e.layer == layer)


@pytest.mark.parametrize(
    ("text", "site", "speaker_place"),
    [
        ("A missile hit a port in Odesa, damaging a grain ship, the navy said in Kyiv.",
         "Odesa", "Kyiv"),
        ("A drone struck a house in Erbil, wounding two people, a source in Baghdad said.",
         "Erbil", "Baghdad"),
    ],
)  # fmt: skip
def test_where_the_speaker_said_it_is_not_where_the_participles_deed_was(
    pipeline, text, site, speaker_place
):
    """The main verb was safe; the "-ing" clause after it took the speaker's place."""
    sites = {text[loc.start : loc.end] for e in _located(pipeline, text) for loc in e.locations}
    assert site in sites
    assert speaker_place not in sites


def test_reported_dead_in_a_place_is_dead_there(pipeline):
    text = "Dozens were reported dead in Somalia on Sunday."
    assert _where(_located(pipeline, text), text)["killing"] == {"Somalia"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen attacked Kaya on Sunday, a survivor told reporters.", "Kaya"),
        ("Journalists in Rafah reported that airstrikes flattened homes overnight.", "Rafah"),
    ],
)
def test_a_place_the_press_reports_from_or_about_stays(pipeline, text, place):
    placed = {text[loc.start : loc.end] for e in _located(pipeline, text) for loc in e.locations}
    assert any(place in p for p in placed)


@pytest.mark.parametrize(
    ("text", "layer", "place"),
    [
        ("In Rafah, a strike flattened a house, killing seven people.", "strike_sites", "Rafah"),
        ("The drone strike killed four fighters near Marib.", "strike_sites", "Marib"),
        ("The aircraft carrier arrived in the port of Busan on Sunday.", "movements", "Busan"),
        ("The strike killed seven people in Khan Younis.", "strike_sites", "Khan Younis"),
        ("Fighters briefly seized parts of Gondar on Friday.", "seizures", "Gondar"),
    ],
)
def test_what_the_wording_says_happened_there(pipeline, text, layer, place):
    events = _located(pipeline, text)
    placed = {text[loc.start : loc.end] for e in events if e.layer == layer for loc in e.locations}
    assert any(place in p for p in placed), [(e.type, e.layer) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "A bulk carrier sailing through the Bab el-Mandeb reported no damage on Monday.",
        "A bulk carrier arrived at Port Sudan with wheat on Monday.",
        "Customs officers seized spare parts for drones in Mombasa.",
        "A general strike destroyed trade in Kano for a week.",
        "A hunger strike killed two prisoners in Kano last year.",
    ],
)
def test_trade_and_labour_are_no_military_events(pipeline, text):
    layers = {e.layer for e in _located(pipeline, text)}
    assert not layers & {"movements", "strike_sites", "seizures"}


@pytest.mark.parametrize(
    "text",
    [
        "A drone crashed into a warehouse in Reading, injuring nobody.",
        "The blast in Kabul killed no one, police said.",
    ],
)
def test_harm_to_no_one_is_told_as_not_done(pipeline, text):
    harms = [e for e in _located(pipeline, text) if e.type == "killing"]
    assert harms and all(e.denied for e in harms)


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        # a subject the parse made the root, its verb hung on it
        ("Stocks bombed in Paris on Tuesday.", "strike_sites"),
        ("The comedy bombed in Toronto last month.", "strike_sites"),
        ("Bank shares were shelled in Seoul trading.", "strike_sites"),
        # who is away from home, not a visit
        ("The visiting side beat the hosts in Auckland on Saturday.", "meetings"),
        # a storm downs lines, not aircraft
        ("High winds brought down power lines across Perth.", "shootdown_area"),
        # a truce ended is no agreement
        ("Rebels have attacked towns in Katanga since ending a truce with the army.", "meetings"),
    ],
)
def test_markets_shows_visitors_storms_and_truces_ended_make_no_such_event(pipeline, text, layer):
    assert not [e for e in _located(pipeline, text) if e.layer == layer]


@pytest.mark.parametrize(
    ("text", "layer", "place"),
    [
        # what a weapon brings down on the ground it struck
        ("A Russian rocket brought down a four-storey block in Sumy.", "strike_sites", "Sumy"),
        ("A drone brought down a road bridge near Nikopol.", "strike_sites", "Nikopol"),
        # what it brings down out of the sky is shot down, whatever its model
        ("A missile brought down the airliner over Torez.", "shootdown_area", "Torez"),
        ("Interceptor drones brought down 20 Shaheds over Sumy.", "shootdown_area", "Sumy"),
        ("A Stinger missile brought down a Russian Su-25 near Torez.", "shootdown_area", "Torez"),
    ],
)
def test_what_a_weapon_brings_down_says_whether_it_struck_or_shot_down(
    pipeline, text, layer, place
):
    events = _located(pipeline, text)
    assert {e.layer for e in events} == {layer}
    assert all(
        any(text[loc.anchor_start : loc.anchor_end] == place for loc in e.locations) for e in events
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Heavy fighting raged on Sunday, though well short of the Jordan Valley.", "Jordan"),
        ("The shelling on Friday reached the outskirts, though well short of Raqqa city.", "Raqqa"),
    ],
)
def test_a_place_the_deed_fell_short_of_is_not_where_it_was(pipeline, text, place):
    for event in _located(pipeline, text):
        assert not any(place in text[loc.anchor_start : loc.anchor_end] for loc in event.locations)


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        ("None of the bombers violated Japanese airspace, Tokyo said.", "airspace"),
        ("None of the rockets struck Haifa on Friday.", "strike_sites"),
        ("Neither drone struck Odesa, the navy said.", "strike_sites"),
    ],
)
def test_an_event_none_of_whose_doers_did_it_is_told_as_not_done(pipeline, text, layer):
    events = [e for e in _located(pipeline, text) if e.layer == layer]
    assert events and all(e.denied for e in events)


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        # "none other than" says who did it
        ("None other than the foreign minister met rebel leaders in Goma on Saturday.",
         "meetings"),
        ("None but the boldest students marched in Minsk.", "protests"),
        # a market that was bombed was struck, however the headline is parsed
        ("Market bombed in Idlib, 20 dead", "strike_sites"),
        # a town in capitals in a feed's line keeps its place
        ("UPDATE: Israeli jets bomb KHAN YOUNIS overnight.", "strike_sites"),
    ],
)  # fmt: skip
def test_emphasis_headlines_and_capitals_still_tell_the_deed(pipeline, text, layer):
    events = [e for e in _located(pipeline, text) if e.layer == layer]
    assert events and not any(e.denied for e in events) and all(e.locations for e in events)


def test_a_strike_that_killed_no_one_still_struck(pipeline):
    text = "A Russian missile strike on Odesa killed no one, the governor said."
    events = _located(pipeline, text)
    assert any(e.layer == "strike_sites" and not e.denied and e.locations for e in events)
    assert all(e.denied for e in events if e.type == "killing")


def test_a_strike_its_deaths_were_in_is_where_they_were(pipeline):
    # the parse hangs "on a crowded school" on "killed", not on the strike
    text = (
        "Nine villagers were killed in an air strike on a crowded school in the town of "
        "Adigrat, in Tigray, on Monday."
    )
    strikes = [e for e in _located(pipeline, text) if e.layer == "strike_sites"]
    assert strikes and all(
        any(text[loc.anchor_start : loc.anchor_end] == "Adigrat" for loc in e.locations)
        for e in strikes
    )


def test_an_airstrike_that_killed_is_both_a_strike_and_a_killing(pipeline):
    text = "An Israeli airstrike killed 20 people in Jabalia on Tuesday."
    layers = {e.layer for e in _located(pipeline, text) if e.locations}
    assert {"strike_sites", "attacks"} <= layers


def test_troops_home_base_is_no_place_of_their_own_for_another_deed(pipeline):
    text = "Soldiers based in Mopti raided the village and arrested 30 men in Djenne."
    assert "Djenne" in _where(_located(pipeline, text), text).get("attack", set())


def test_a_place_in_a_denied_deed_is_not_the_place_of_the_deed_told_as_done(pipeline):
    text = (
        "Officials said the strikes targeted militant camps and denied hitting any "
        "military facility in Zorvania."
    )
    events = _located(pipeline, text)
    done = [e for e in events if not e.denied and e.layer == "strike_sites"]
    assert done and all(not e.locations for e in done)
    assert any(e.denied and e.locations for e in events)


def test_another_kind_of_deed_keeps_its_place_when_the_first_names_its_own(pipeline):
    text = (
        "The army said it had retaken control of Gondar and arrested dozens of men in Debre Tabor."
    )
    where = _where(_located(pipeline, text), text)
    assert where.get("seizure") == {"Gondar"}
    text = "Guerrillas detonated a roadside bomb and injured three soldiers in Tikrit."
    assert "Tikrit" in _where(_located(pipeline, text), text).get("explosion", set())


def test_a_ruling_on_a_deployment_is_no_deployment(nlp, layers):
    text = "Police officers remain in Nairobi awaiting a court ruling on their deployment."
    assert "movements" not in {e.layer for e in _events(nlp, layers, text, ["Nairobi"])}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The drones were launched from Cape Chauda in occupied Crimea.", "Crimea"),
        # a dateline's wider place with its epithet, after a comma
        ("NABLUS, occupied Dalmar (AP) —\n\nTroops raided a camp overnight.", "Dalmar"),
        ("**08:15 GMT - NABLUS, occupied Dalmar**\n\nTroops raided a camp overnight.", "Dalmar"),
    ],
)
def test_an_occupied_place_is_no_seizure_told(nlp, layers, text, place):
    names = [name for name in ("NABLUS", place) if name in text]
    assert "seizures" not in {e.layer for e in _events(nlp, layers, text, names)}


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("The regional council held an extraordinary session in Dorvik on the crisis.", True),
        ("The Security Council held an emergency session in Dorvik on Monday.", True),
        # a team's training or a market's trading day is no sitting of a body
        ("The national team held a training session in Dorvik on Monday.", False),
        ("Shares fell in the afternoon trading session in Dorvik.", False),
        # a court's or a trial's session is a hearing
        ("The trial's first session was held in Dorvik on Monday.", False),
        ("The court held a closed session in Dorvik to hear the defendants.", False),
    ],
)
def test_a_body_that_sits_in_session_meets_where_it_sits(nlp, layers, text, met):
    where = _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)
    assert ("meetings" in where.get("Dorvik", set())) is met


def test_weapons_shot_down_over_regions_were_not_launched_or_struck_there(pipeline):
    text = (
        "The air force said it shot down 84 of 112 drones launched by Russia overnight "
        "over the Sumy and Poltava regions."
    )
    events = _located(pipeline, text)
    where = _layers_at(events, text)
    assert "shootdown_area" in where.get("Sumy", set())
    assert all(not e.locations for e in events if e.layer == "strike_sites")


@pytest.mark.parametrize(
    ("text", "where", "not_there"),
    [
        ("Protesters marched in Dorvik in solidarity with Palestinians in Kesra.", "Dorvik",
         "Kesra"),
        ("Thousands rallied in Dorvik in support of Kesra.", "Dorvik", "Kesra"),
        ("Rebels said they attacked the convoy in solidarity with farmers in Kesra.", None,
         "Kesra"),
    ],
)  # fmt: skip
def test_the_people_a_deed_was_done_for_are_not_where_it_was_done(
    nlp, layers, text, where, not_there
):
    names = [name for name in ("Dorvik", "Kesra") if name in text]
    found = _layers_at(_events(nlp, layers, text, names), text)
    assert not_there not in found
    assert where is None or where in found


@pytest.mark.parametrize(
    "text",
    [
        "Jets carried out airstrikes in support of government forces in Dorvik.",
        "Volunteers fought in support of Kurdish forces in Dorvik.",
    ],
)
def test_a_deed_in_support_of_forces_is_where_the_forces_are(nlp, layers, text):
    assert "Dorvik" in _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)


def test_a_deed_done_for_a_person_may_be_where_the_phrase_says(nlp, layers):
    text = "Crowds marched in support of Yasser Arafat in Dorvik on Saturday."
    assert "Dorvik" in _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        # a boat packed with explosives and steered from afar is a weapon
        ("The bulk carrier was struck by an unmanned surface vessel off Dorvik.", True),
        ("A sea drone hit a patrol ship near Dorvik.", True),
        # a fishing boat that rammed a ferry is a collision
        ("The ferry was struck by a fishing vessel off Dorvik.", False),
    ],
)
def test_a_ship_struck_by_a_drone_boat_is_a_strike(nlp, layers, text, struck):
    where = _layers_at(_events(nlp, layers, text, ["Dorvik"]), text)
    assert ("strike_sites" in where.get("Dorvik", set())) is struck


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        # a state that strikes a place names no weapon
        ("Zorvania struck Dorvik on Monday.", True),
        ("Zorvania pounded Dorvik overnight.", True),
        # a team's goals or a trade measure strike nothing
        ("Zorvania hit Dorvik for four goals on Saturday.", False),
        ("Zorvania hit Dorvik with new tariffs on steel.", False),
        ("Zorvania hit Dorvik for three in the second half.", False),
        ("Zorvania struck Dorvik twice late in the match.", False),
    ],
)
def test_a_place_that_strikes_another_is_a_strike_on_it(nlp, layers, text, struck):
    where = _layers_at(_events(nlp, layers, text, ["Zorvania", "Dorvik"]), text)
    assert ("strike_sites" in where.get("Dorvik", set())) is struck


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("In 2014, Russia occupied Dalmar.", ["Russia", "Dalmar"]),
        # a deed in a series after a comma is no epithet
        ("Israel took Kesra from Zorvania, occupied Dalmar and annexed the hills.",
         ["Kesra", "Zorvania", "Dalmar"]),
    ],
)  # fmt: skip
def test_a_place_occupied_by_a_subject_before_it_is_still_seized(nlp, layers, text, names):
    where = _layers_at(_events(nlp, layers, text, names), text)
    assert "seizures" in where.get("Dalmar", set())


@pytest.mark.parametrize(
    ("text", "layer", "place"),
    [
        ("Debris from a downed drone fell on a house in Kursk on Monday.", "strike_sites", "Kursk"),
        ("Mortar rounds fell on Buhriz overnight.", "strike_sites", "Buhriz"),
        ("Russian troops were massing near Kupiansk on Friday.", "movements", "Kupiansk"),
    ],
)
def test_what_came_down_and_who_massed(nlp, layers, text, layer, place):
    events = _events(nlp, layers, text, [place])
    assert layer in {e.layer for e in events if e.locations}
    assert "seizures" not in {e.layer for e in events}


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        (
            "Officials would not comment on the Zorvan strikes carried out by aircraft.",
            "strike_sites",
        ),
        ("Dock workers went on strike in Zorvan on Monday.", "protests"),
    ],
)
def test_on_the_strikes_is_no_labour_strike(nlp, layers, text, layer):
    events = _events(nlp, layers, text, ["Zorvan"])
    assert layer in {e.layer for e in events}
    assert len({e.layer for e in events} & {"strike_sites", "protests"}) == 1


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("Iran closed its airspace to civilian flights for twelve hours.", {"Iran"}),
        (
            "Jordan, Iraq and Lebanon closed their airspace on Saturday.",
            {"Jordan", "Iraq", "Lebanon"},
        ),
        ("Israel closed its own airspace and shut its main airport.", {"Israel"}),
        # the subject of another verb is no site of the closure
        ("Iraq closed its airspace as Iran launched drones towards Israel.", {"Iraq"}),
        ("The kingdom closed its airspace as Iran launched drones towards Israel.", set()),
        # the part of its sky it closed is the finer place
        (
            "Egypt put its air defences on alert and closed its airspace over Sinai.",
            {"airspace over Sinai"},
        ),
        (
            "Authorities announced the closure of the airspace over Moldova.",
            {"the airspace over Moldova"},
        ),
        ("The alliance imposed a no-fly zone over Libya in March.", {"Libya"}),
        # an airport shut to flights is the sky closed there
        ("Airports in Zorvan and Lublin were temporarily closed.", {"Zorvan", "Lublin"}),

        ("The fighting forced the closure of Mitiga airport.", {"Mitiga"}),
    ],
)  # fmt: skip
def test_a_state_that_closes_its_airspace_is_where_the_sky_closed(pipeline, text, sites):
    events = _located(pipeline, text)
    assert _where(events, text).get("airspace_closure") == sites
    assert "airspace_violation" not in {e.type for e in events}
    assert {e.layer for e in events if e.type == "airspace_closure"} == {"airspace"}


def test_the_subject_of_a_violation_is_the_intruder_not_the_site(pipeline):
    text = "Russia violated Finnish airspace near Porvoo on Friday."
    where = _where(_located(pipeline, text), text)
    assert where["airspace_violation"] == {"near Porvoo"}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Romania scrambled jets after a drone breached its airspace near Galati.", "near Galati"),
        ("Turkey said a Syrian jet had violated its airspace near Latakia.", "near Latakia"),
    ],
)
def test_a_place_that_narrows_an_airspace_down_is_where_it_was_crossed(pipeline, text, site):
    assert site in _where(_located(pipeline, text), text)["airspace_violation"]


def test_breaching_a_cordon_is_no_airspace_violation(nlp, layers):
    text = "A suicide bomber failed to breach the police cordon in Zorvan."
    assert not _reports(nlp, layers, text, "airspace_violation")


def test_the_border_villages_a_country_qualifies_are_the_strike_sites_not_the_country(pipeline):
    text = (
        "Israeli tanks shelled the outskirts of the Lebanese border villages of "
        "Kfar Kila and Odaisseh."
    )
    where = _where(_located(pipeline, text), text)
    assert where["shelling"] == {"Kfar Kila", "Odaisseh"}


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("The missile was fired from rebel-held territory near Taiz, the army said.", "Taiz"),
        ("Rockets were launched from an orchard near Tyre on Sunday.", "Tyre"),
    ],
)
def test_the_ground_a_missile_was_fired_from_is_no_strike_site(pipeline, text, origin):
    events = _located(pipeline, text)
    placed = set().union(*_where(events, text).values()) if events else set()
    assert not any(origin in name for name in placed)
    assert "missile_launch" in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # a cause or a means after "from" is no origin
        ("Nine civilians were injured from shelling in the Donetsk region.", "Donetsk region"),
        ("Gunmen shelled from mortars the villages of Harasta and Douma.", "Harasta"),
    ],
)
def test_from_a_cause_or_a_means_keeps_the_site(pipeline, text, site):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert any(site in name for name in placed)


@pytest.mark.parametrize(
    "text",
    [
        "The ruling junta in Ouagadougou did not comment on the ambush.",
        "Authorities in Bamako did not comment on the attack.",
        "The government in Ouagadougou has not commented on the killings.",
    ],
)
def test_a_seat_of_government_that_comments_on_an_event_is_not_its_site(pipeline, text):
    events = _located(pipeline, text)
    assert events and not any(e.locations for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # not a capital: local officials may well be where it happened
        "Local officials in Uvira did not comment on the attack.",
        # those who are where it happened, or an event with a place of its own
        "Police in Kyiv did not comment on the explosion in the city centre.",
        "Residents in Khartoum commented on the shelling that hit their neighbourhood.",
        "The army in Goma did not comment on the clashes in the town.",
    ],
)
def test_a_comment_from_where_it_happened_keeps_the_place(pipeline, text):
    assert any(e.locations for e in _located(pipeline, text))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # where an accord applies is its topic, not the table it was made at
        ("The ceasefire took effect in Kashmir at 5 pm.", set()),
        ("The fragile truce has held in Idlib since March.", set()),
        ("A ceasefire agreed in Doha took effect on Monday.", {"Doha"}),
        ("A truce agreed in Cairo held for a week in Gaza.", {"Cairo"}),
        ("Residents of Jammu reported explosions hours after the ceasefire took effect.", set()),
        (
            "The Gaza ceasefire brokered in Sharm el-Sheikh took effect on Friday.",
            {"Sharm el-Sheikh"},
        ),
    ],
)
def test_an_accord_in_force_is_not_agreed_where_it_holds(pipeline, text, where):
    events = [e for e in _located(pipeline, text) if e.type == "agreement"]
    assert events and set().union(*_where(events, text).values()) == where


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        ("Officials said a mosque in Zorvan was hit on Monday.", True),
        ("Two houses in Zorvan were hit overnight, the army said.", True),
        # what hit it says what it was: a crash, a storm
        ("A house in Zorvan was hit by a car on Monday.", False),
        ("Schools in Zorvan were hit by the storm.", False),
        ("A hospital in Zorvan was hit with a cyberattack on Monday.", False),
        ("Hospitals in Zorvan were hit hard as dengue cases surged.", False),
        ("Markets in Zorvan were hit as the currency fell.", False),
        ("The market in Zorvan was hit with a price rise.", False),
        # what war does, told with "as" or "with"
        ("A mosque in Zorvan was hit as fighting raged.", True),
        ("A hospital in Zorvan was hit with missiles overnight.", True),
    ],
)
def test_a_building_hit_is_a_strike_site(nlp, layers, text, struck):
    events = _events(nlp, layers, text, ["Zorvan"])
    assert any(e.layer == "strike_sites" and e.locations for e in events) is struck


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a ship named, detained: seized, not arrested
        ("The cruise ship Queen of Velmora was detained by inspectors in Zorvan.", "seizure"),
        # armed men who board a ship take it; passengers travel
        ("Rebel forces boarded the car carrier Cape Velmora off Zorvan.", "boarding"),
        ("Navy commandos boarded a tanker near Zorvan.", "boarding"),
        ("Naval forces boarded vessels of an aid flotilla off Zorvan.", "boarding"),
        ("Hundreds of passengers boarded the ship in Zorvan.", None),
        # troops and crews board their own boats and carriers
        ("Soldiers boarded boats to cross the river near Zorvan.", None),
        ("Navy sailors boarded the aircraft carrier in Zorvan ahead of deployment.", None),
        ("Troops boarded a ship in Zorvan bound for Kesra.", None),
    ],
)
def test_a_ship_detained_or_boarded_by_force_is_seized(nlp, layers, text, kind):
    kinds = {e.type for e in _events(nlp, layers, text, ["Zorvan"])}
    assert (kind in kinds) if kind else not (kinds & {"seizure", "boarding", "arrest"})


@pytest.mark.parametrize(
    "text",
    [
        'Missiles struck what the army described as "terrorist infrastructure" at Muridke.',
        "Jets bombed what officials called a militant hideout at Muridke on Monday.",
    ],
)
def test_what_someone_called_the_target_is_where_it_was_struck(pipeline, text):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert "Muridke" in placed


def test_a_participle_of_a_joined_clause_keeps_to_that_clause_s_place(pipeline):
    text = (
        "Air defences shot down several drones over Kharkiv and Sumy, and debris fell "
        "on a house on Poltava's outskirts, injuring two."
    )
    (injuring,) = [e for e in _located(pipeline, text) if e.trigger == "injuring"]
    names = {text[loc.start : loc.end] for loc in injuring.locations}
    assert names and not names & {"Kharkiv", "Sumy"}, names


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The minister visited Kyiv in September, and in October travelled to Warsaw.",
         "visited", "Warsaw"),
        ("The army shelled Kutum on Monday and bombed Kabkabiya on Wednesday.",
         "shelled", "Kabkabiya"),
    ],
)  # fmt: skip
def test_a_joined_deed_with_a_time_of_its_own_keeps_its_place(pipeline, text, first, second):
    (event,) = [e for e in _located(pipeline, text) if e.trigger == first]
    assert second not in {text[loc.start : loc.end] for loc in event.locations}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the headline sums up what the story places in towns of that country
        ("Arrests in Georgia after a night of protests\n\nPolice arrested 27 protesters in "
         "Tbilisi on Tuesday.", False),
        # not a headline that ends on a stop, nor a country the story places nothing in
        ("Police made arrests in Georgia.\n\nPolice arrested 27 protesters in Tbilisi on "
         "Tuesday.", True),
        ("Arrests in Georgia after a night of protests\n\nPolice arrested 12 people in "
         "Yerevan on Tuesday.", True),
        # a stop before trailing spaces still closes a sentence
        ("Police made arrests in Georgia. \n\nPolice arrested 27 protesters in Tbilisi on "
         "Tuesday.", True),
    ],
)  # fmt: skip
def test_a_headline_s_country_drops_out_where_the_story_tells_it_in_a_town(pipeline, text, kept):
    placed = {
        text[loc.start : loc.end]
        for e in _located(pipeline, text)
        if e.layer == "arrests"
        for loc in e.locations
    }
    assert ("Georgia" in placed) is kept, placed


def test_a_distance_the_parse_hangs_on_the_event_noun_says_where_it_happened(pipeline):
    text = "The tanker reported an explosion about 80 nautical miles east of Aden on Tuesday."
    (explosion,) = [e for e in _located(pipeline, text) if e.type == "explosion"]
    assert [text[loc.start : loc.end] for loc in explosion.locations] == [
        "80 nautical miles east of Aden"
    ]


@pytest.mark.parametrize(
    ("text", "place", "fought_there"),
    [
        ("Troops launched a new offensive into Zorvan district on greater Kharkiv on Monday.",
         "Zorvan", True),
    ],
)  # fmt: skip
def test_where_an_offensive_is_launched_into_is_where_it_was_fought(
    pipeline, text, place, fought_there
):
    attacks = [e for e in _located(pipeline, text) if e.layer == "attacks"]
    placed = {text[loc.start : loc.end] for e in attacks for loc in e.locations}
    assert (place in placed) is fought_there, placed


def test_a_list_of_kinds_of_place_is_one_list(pipeline):
    text = (
        "Jets struck several sites belonging to the rebels in the city of Kramatorsk and the "
        "villages of Balakliia, Izium and Chuhuiv."
    )
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert {"Kramatorsk", "Balakliia", "Izium", "Chuhuiv"} <= placed, placed


def test_a_town_the_parse_hangs_off_a_list_as_an_aside_is_one_more_member(pipeline):
    # no "and" closes the list, and the parse makes a town an aside of the name before it
    text = (
        "Across Idlib province, gunmen pounded with mortars the villages of Kafr-Zorvan, "
        "Velmora, Kafr al-Hamra, Sarmin, Karnaz, Binnish, farmland outside Kafr al-Hamra "
        "and army posts on hill 412."
    )
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert {"Kafr-Zorvan", "Velmora", "Sarmin", "Karnaz", "Binnish"} <= placed, placed


@pytest.mark.parametrize(
    ("text", "site", "context"),
    [
        # a bearing from "the city of" a town
        (
            "The troops were patrolling the town of Zorvan, south of the city of Kharkiv, "
            "when gunmen struck.",
            "Zorvan",
            "Kharkiv",
        ),
        # a name's site word before "in"
        ("A bomb exploded at Zorvan junction in Kismayo town, killing two officials.", "Zorvan",
         "Kismayo"),
        # "inside" a region
        ("Troops launched an offensive targeting the key town of Zorvanka inside the "
         "Sinjar region.", "Zorvanka", "Sinjar region"),
        # villages "of" an area
        ("Gunmen attacked Zorvan and Velmora villages of Gwoza Local Government Area of "
         "Borno State, killing 18 people.", "Zorvan", "Gwoza Local Government Area"),
        # "outside of" a city
        ("Soldiers raided the Zorvan neighbourhood outside of Kharkiv, killing four gunmen.",
         "Zorvan", "Kharkiv"),
        # a run of spaces (an old line wrap) among the words before the province
        ("A sniper killed a guard in Baiji, in the troubled  northern province of "
         "Salahuddin, on Monday.", "Baiji", "Salahuddin"),
        ("Guerrillas burned a bus in Tame, in the remote  eastern department of Arauca, "
         "on Sunday.", "Tame", "Arauca"),
    ],
)  # fmt: skip
def test_a_wider_place_written_after_the_site_is_its_context(pipeline, text, site, context):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert site in placed and context not in placed, placed


def test_the_vicinity_a_missile_was_fired_from_is_no_strike_site(pipeline):
    text = (
        "North Korea fired a ballistic missile from near Pyongyang on Friday morning that "
        "flew about 800 km before landing in the Sea of Japan, outside Japan's economic "
        "zone, Japan's defence ministry said."
    )
    strikes = [e for e in _located(pipeline, text) if e.layer == "strike_sites"]
    placed = {text[loc.start : loc.end] for e in strikes for loc in e.locations}
    assert not any("Pyongyang" in name for name in placed), placed


def test_an_event_hung_on_a_country_as_its_apposition_keeps_its_own_town(pipeline):
    # the parse makes "a riot" an apposition of the country that opens the sentence
    text = "In neighbouring Kesra, a riot at a prison in Izium left 17 inmates dead on Tuesday."
    killings = [e for e in _located(pipeline, text) if e.layer == "attacks"]
    placed = {text[loc.start : loc.end] for e in killings for loc in e.locations}
    assert "Izium" in placed, placed


def test_the_town_after_a_group_s_camps_is_the_site(pipeline):
    # a plural kind takes no name before "in": "two Malik camps" names no place
    text = "Marines captured two Malik camps in Izium on Monday."
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert "Izium" in placed, placed


def test_the_place_whose_coast_a_town_is_on_is_no_second_site(pipeline):
    text = "Sea drones struck a patrol boat near Chornomorske, on Crimea's western coast."
    where = set().union(*_where(_located(pipeline, text), text).values())
    assert where == {"near Chornomorske"}, where


@pytest.mark.parametrize(
    ("text", "restricted"),
    [
        ("Temporary restrictions were introduced at Krasnodar airport on Friday.", True),
        ("Aviation officials imposed restrictions on flights at Sochi airport.", True),
        ("The government imposed restrictions on imports at Odesa port.", False),
        ("Authorities imposed restrictions on protests near the airport in Kazan.", False),
    ],
)
def test_restrictions_at_an_airport_close_the_sky_there(pipeline, text, restricted):
    events = [e for e in _located(pipeline, text) if e.layer == "airspace" and e.locations]
    assert bool(events) is restricted, [(e.type, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        # the tagger reads a plural after a closing quote as a proper noun
        ('He said the army was "ready."\n\nProtesters gathered in Tripoli on Friday.\n',
         "protest"),
        ('He said the army was "ready."\n\nRallies filled Tripoli on Friday.\n', "protest"),
    ],
)  # fmt: skip
def test_a_plural_read_as_a_name_after_a_quote_still_triggers(pipeline, text, type_id):
    where = _where(_located(pipeline, text), text)
    assert "Tripoli" in where.get(type_id, set()), where


def test_a_live_blogs_time_stamp_does_not_swallow_the_sentence_below(pipeline):
    text = (
        "Live: drones over the south\n\n11:02 GMT\nFlights at Sochi airport have been suspended.\n"
    )
    where = _where(_located(pipeline, text), text)
    assert "Sochi" in where.get("flights_halted", set()), where


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted two aid workers near Mandera, east of El Wak, on Monday.",
        "Gunmen abducted two aid workers near Mandera on Monday.",
    ],
)
def test_a_bearing_set_off_after_the_place_is_no_rival_of_it(pipeline, text):
    (abduction,) = [e for e in _located(pipeline, text) if e.type == "abduction"]
    assert [text[loc.start : loc.end] for loc in abduction.locations] == ["near Mandera"]


@pytest.mark.parametrize(
    ("text", "listed", "not_listed"),
    [
        # a count in brackets breaks the parse's list; the words still list each town
        (
            "Gunmen shelled the districts of Salaheddine, Bustan al-Qasr (twice), "
            "Sheikh Maqsoud (three times) and a bakery in the city of Aleppo.",
            {"Salaheddine", "Bustan al-Qasr", "Sheikh Maqsoud"},
            set(),
        ),
        (
            "Russian forces shelled Kupiansk, Izium (twice), Balakliia, farmland nearby "
            "and a school.",
            {"Kupiansk", "Izium", "Balakliia"},
            set(),
        ),
        # a town after a comma that locates the name before it is no member
        ("In Dura, south of Baghdad, gunmen killed a family at their home.", {"Dura"}, {"Baghdad"}),
        # nor one that opens a clause of its own, speaks or owns the noun after it
        (
            "Russian troops shelled Kherson (twice), Mykolaiv reported no damage.",
            {"Kherson"},
            {"Mykolaiv"},
        ),
        ("Drones hit Belgorod (twice), Moscow said, blaming Kyiv.", {"Belgorod"}, {"Moscow"}),
        (
            "Drones hit Kherson (twice), Mykolaiv (once), Odesa residents heard blasts.",
            {"Kherson", "Mykolaiv"},
            {"Odesa"},
        ),
        # a count, then "and"
        (
            "Russian artillery shelled Kupiansk (twice), Izium (five times) and Balakliia.",
            {"Kupiansk", "Izium", "Balakliia"},
            set(),
        ),
    ],
)
def test_a_count_of_times_in_brackets_does_not_end_a_list(pipeline, text, listed, not_listed):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert listed <= placed, placed
    assert not placed & not_listed, placed


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        ("A second strike hit a market near Zorvan on Friday.", True),
        ("A strike hit a convoy on the road to Zorvan.", True),
        # what a walkout hits is no target
        ("The strike hit production at the plant near Zorvan.", False),
        ("The strike hit schools across Zorvan on Monday.", False),
    ],
)
def test_a_bare_strike_that_hit_a_market_is_a_strike(nlp, layers, text, struck):
    assert _reports(nlp, layers, text, "strike") is struck


@pytest.mark.parametrize(
    ("text", "exploded"),
    [
        # what grows or flares up explodes only in a figure of speech
        ("Oil prices exploded higher on Monday as buying swept through Zorvan.", False),
        ("Violence exploded across Zorvan after the vote.", False),
        ("A car bomb exploded in Zorvan on Monday.", True),
        ("A device exploded near a checkpoint in Zorvan.", True),
        # weapons found or seized are a haul, not a blast
        ("The army said it had recovered rifles and grenades during searches in Dorvik.", False),
        ("Soldiers found two landmines near Dorvik.", False),
        ("Militants hurled grenades at a police post in Dorvik.", True),
    ],
)
def test_only_a_blast_is_an_explosion(nlp, layers, text, exploded):
    assert _reports(nlp, layers, text, "explosion") is exploded


def test_what_talks_are_aimed_at_is_their_goal_not_where_they_met(pipeline):
    text = (
        "Envoys met in Doha on Thursday for a new round of talks aimed at a ceasefire "
        "in Gaza and the release of hostages."
    )
    events = _located(pipeline, text)
    assert _layers_at(events, text) == {"Doha": {"meetings"}}
    assert "agreement" not in {e.type for e in events}  # a ceasefire sought, not agreed


@pytest.mark.parametrize(
    ("text", "elsewhere"),
    [
        (
            "Students held a protest in Beirut over fees, and teachers in Lisbon were "
            "reviewing the offer.",
            "Lisbon",
        ),
        (
            "Prices rose after the cartel's meeting in Vienna, and buying swept through Tokyo.",
            "Tokyo",
        ),
        (
            "Soldiers had withdrawn towards the hills, and fighting went on along the road "
            "to Lashio.",
            "Lashio",
        ),
    ],
)
def test_a_conjoined_clause_with_its_own_subject_keeps_its_place(pipeline, text, elsewhere):
    events = _located(pipeline, text)
    placed = {(e.type, text[loc.start : loc.end]) for e in events for loc in e.locations}
    assert not any(
        name == elsewhere and kind in ("protest", "meeting", "withdrawal") for kind, name in placed
    )


@pytest.mark.parametrize(
    ("text", "type_id", "reported"),
    [
        # a quantity of rockets is rockets
        ("Militants fired dozens of rockets at a base in Zorvan.", "missile_launch", True),
        ("Troops seized a number of positions inside Zorvan.", "seizure", True),
        # a diplomat's protest, and a withdrawal only demanded
        ("The ministry summoned the envoy in Zorvan to protest.", "protest", False),
        (
            "Crowds in Zorvan rallied, demanding the withdrawal of foreign troops.",
            "withdrawal",
            False,
        ),
        ("Students marched to the square in Zorvan to protest.", "protest", True),
    ],
)
def test_quantities_purposes_and_demands(nlp, layers, text, type_id, reported):
    assert _reports(nlp, layers, text, type_id) is reported


@pytest.mark.parametrize(
    ("text", "name", "site"),
    [
        # a group named after a country is no country
        ("Jets struck training camps of Tehreek-e-Taliban Pakistan on Monday.", "Pakistan", False),
        # a capital's officials speak from their seat; a town's source from the town
        (
            "The army denied it but security officials in Islamabad said they had "
            "targeted militant camps.",
            "Islamabad",
            False,
        ),
        ("A police source in Baqubah said the bomb killed three people.", "Baqubah", True),
    ],
)
def test_a_groups_name_and_a_capitals_speakers_are_no_sites(pipeline, text, name, site):
    events = _located(pipeline, text)
    placed = set().union(*_where(events, text).values()) if events else set()
    assert (name in placed) is site


def test_the_party_blamed_for_an_attack_is_no_site_of_it(pipeline):
    text = (
        "The army said the drones had been launched from the coast and blamed the "
        "United Arab Emirates for the attack."
    )
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert not any("Emirates" in name for name in placed)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("The talks focused on the transit route through the Syunik province.", "Syunik"),
        ("The emirate hosted a meeting in Abu Dhabi on Wednesday on aid access in Sudan.", "Sudan"),
        ("The talks dealt with border demarcation and the future of Nagorno-Karabakh.",
         "Nagorno-Karabakh"),
        ("The talks covered the status of Kosovo.", "Kosovo"),
    ],
)  # fmt: skip
def test_what_talks_dwelt_on_or_a_host_convened_them_on_is_their_topic(pipeline, text, topic):
    events = _located(pipeline, text)
    assert not any(topic in name for name, layers in _layers_at(events, text).items())


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Thousands rallied on Saturday, and the crowds in Tbilisi chanted slogans.", "Tbilisi"),
        (
            "Protesters gathered outside parliament, and police in Nairobi fired tear gas.",
            "Nairobi",
        ),
    ],
)
def test_a_conjoined_clause_may_say_where_an_event_without_a_place_was(pipeline, text, site):
    assert site in _where(_located(pipeline, text), text)["protest"]


@pytest.mark.parametrize(
    ("text", "type_id", "reported"),
    [
        # a walkout hits hospitals too: someone's strike is no strike site
        ("The doctors' strike hit hospitals in Zorvan hard.", "strike", False),
        ("A strike by dockworkers hit markets in Zorvan.", "strike", False),
        # fire aimed at a rally hit it; supporters summoned to protest protested
        ("Police fired tear gas aimed at a rally in Zorvan.", "protest", True),
        ("The opposition summoned supporters to protest in Zorvan on Sunday.", "protest", True),
        # stocks of ammunition explode
        ("Ammunition stocks exploded at a military depot near Zorvan.", "explosion", True),
    ],
)
def test_near_misses_of_the_new_rules(nlp, layers, text, type_id, reported):
    assert _reports(nlp, layers, text, type_id) is reported


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The alliance ruled out imposing a no-fly zone over Zorvan.", "denied"),
        ("Russia refused to close its airspace to the drones.", "denied"),
        ("The president renewed his plea for a no-fly zone over Zorvan.", None),
    ],
)
def test_a_closure_refused_or_pleaded_for_did_not_happen(nlp, layers, text, verdict):
    closures = [e for e in _events(nlp, layers, text, []) if e.type == "airspace_closure"]
    if verdict is None:
        assert closures == []
    else:
        assert closures and all(e.denied for e in closures)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Police arrested dozens of migrants from a camp near Calais.", "Calais"),
        ("Gunmen killed seven worshippers from a village near Maiduguri.", "Maiduguri"),
    ],
)
def test_where_people_were_taken_from_is_the_site(pipeline, text, site):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert any(site in name for name in placed)


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("Organisers in Zorvan promised an explosion of colour on the red carpet.", "explosion"),
        ("Students in Zorvan held a mock protest in a drama class.", "protest"),
        ("A takeover bid was shot down by the board in Zorvan.", "shootdown"),
        ("A takeover bid was shot down by the board in Zorvan.", "attack"),
        ("The latest action thriller bombed at the box office in Zorvan.", "air_strike"),
        ("Her new album bombed in Zorvan last year.", "air_strike"),
        ("The home side stormed to a 4-0 win in Zorvan.", "attack"),
        ("The minister stormed out of the session in Zorvan.", "attack"),
        ("The champions stormed past the visitors in Zorvan on Sunday.", "attack"),
        ("The singer attacked her critics in an interview in Zorvan.", "attack"),
        ("The senator attacked the new policy at a rally in Zorvan.", "attack"),
        ("The strikers bombarded the visitors' goal in Zorvan.", "shelling"),
        ("The player met fans in Zorvan after the final.", "meeting"),
        ("Police intercepted a truck carrying weapons near Zorvan.", "shootdown"),
        ("The minister attacked the budget in parliament in Zorvan on Monday.", "attack"),
        ("Security forces marched the suspects to a police station in Zorvan.", "protest_march"),
        ("The governor met displaced families in Zorvan on Sunday.", "meeting"),
        ("The president met with relatives of the victims in Zorvan.", "meeting"),
    ],
)
def test_figures_of_speech_and_make_believe_are_no_events(nlp, layers, text, type_id):
    assert not _reports(nlp, layers, text, type_id)


@pytest.mark.parametrize(
    ("text", "town", "water"),
    [
        ("A missile struck the port of Izmail on the Danube, damaging silos.", "Izmail", "Danube"),
        ("Rebel fighters seized Minova on the shore of Lake Kivu.", "Minova", "Lake Kivu"),
    ],
)
def test_the_water_a_town_lies_on_is_its_context(pipeline, text, town, water):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert town in placed and water not in placed


def test_water_named_alone_is_a_site(pipeline):
    text = "Russian gunboats shelled targets on the Danube."
    assert "Danube" in _where(_located(pipeline, text), text)["shelling"]


def test_a_where_clause_on_a_town_and_its_country_puts_the_event_in_the_town(pipeline):
    text = (
        "Stray shells landed across the border in Gisenyi, Rwanda, where five people were killed."
    )
    where = _where(_located(pipeline, text), text)
    assert where["killing"] == {"Gisenyi"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A fire at a chemical plant in Port Sella killed three workers.", "Port Sella"),
        ("A fire broke out at a market in Port Sella, destroying 200 shops.", "Port Sella"),
        ("Floods killed 40 people in Port Sella on Sunday.", "Port Sella"),
        ("Five people died in a blaze in Port Sella.", "Port Sella"),
        ("An earthquake struck Port Sella on Monday.", "Port Sella"),
    ],
)
def test_a_disaster_is_placed_on_no_layer_of_violence(nlp, layers, text, name):
    events = _events(nlp, layers, text, [name])
    assert events and all(e.layer == "places" for e in events)
    assert {e.type for e in events} <= {"disaster", "disaster_deaths"}


@pytest.mark.parametrize(
    ("text", "name", "layer"),
    [
        # fire that people fire is still an attack
        ("Rocket fire into the border town of Port Sella killed seven people.", "Port Sella",
         "strike_sites"),
        ("Israeli fire killed two men in Port Sella.", "Port Sella", "attacks"),
        ("Snipers fired at a convoy near Port Sella.", "Port Sella", "attacks"),
    ],
)  # fmt: skip
def test_fire_that_someone_fires_is_still_violence(nlp, layers, text, name, layer):
    assert layer in {e.layer for e in _events(nlp, layers, text, [name])}


@pytest.mark.parametrize(
    ("text", "names", "layer"),
    [
        # a blaze "at" a plant is no gunfire
        ("A fire at a chemical plant in Port Sella injured two workers.", ["Port Sella"],
         "attacks"),
        # lines meet, people do not
        ("The area lies where the borders of Vandoria, Norland and Estavia meet.",
         ["Vandoria", "Norland", "Estavia"], "meetings"),
        # a kind of post, not fighting
        ("Troops opened fire at combat positions near Port Sella.", ["Port Sella"], "clashes"),
        # a history, not a battle
        ("Vandoria and Norland have fought three wars over Estavia.",
         ["Vandoria", "Norland", "Estavia"], "clashes"),
        # a host who received wounded people or a parcel met nobody
        ("The hospital in Port Sella received 40 wounded people.", ["Port Sella"], "meetings"),
        # an epithet tells no siege
        ("Aid cannot reach the besieged city of Port Sella.", ["Port Sella"], "clashes"),
        # a post taken up, a storm that struck, a crowd round a minister, a welcome
        ("The new envoy took up her post in Port Sella on Monday.", ["Port Sella"], "seizures"),
        ("Typhoon Mawar struck fuel terminals near Port Sella.", ["Port Sella"], "strike_sites"),
        ("The minister was besieged by reporters in Port Sella.", ["Port Sella"], "clashes"),
        # a team's attack in a match
        ("England's bowling attack struggled in Port Sella.", ["Port Sella"], "attacks"),
        ("Their attack and two strikers scored four goals in Port Sella.", ["Port Sella"],
         "attacks"),
        # a flood of gunfire is gunfire
        ("Three men were killed in a flood of gunfire in Port Sella.", ["Port Sella"],
         "places"),
        # a race by its name
        ("The Dakar Rally ended in Port Sella on Friday.", ["Port Sella"], "protests"),
        # what surrounds a place, or lies around it; crowds and activists round a building
        ("Mountains surround Port Sella.", ["Port Sella"], "clashes"),
        ("Government forces hold the hills that surround Port Sella.", ["Port Sella"],
         "clashes"),
        ("Supporters of the army surrounded the town hall in Port Sella.", ["Port Sella"],
         "clashes"),
        ("Activists blockaded a coal terminal in Port Sella.", ["Port Sella"], "clashes"),
        # a party wins a city back at the polls
        ("The ruling party regained control of Port Sella in the local elections.",
         ["Port Sella"], "seizures"),
        ("Rebels attacked the bases and surrounding area near Port Sella.", ["Port Sella"],
         "clashes"),
        ("The president was welcomed by protesters in Port Sella.", ["Port Sella"], "meetings"),
        # filming, and prices that rose
        ("The last scenes of the drama were shot in Port Sella.", ["Port Sella"], "attacks"),
        ("Fuel prices shot up in Port Sella as the rebels approached.", ["Port Sella"],
         "attacks"),
    ],
)  # fmt: skip
def test_words_of_violence_in_other_senses_report_none(nlp, layers, text, names, layer):
    assert layer not in {e.layer for e in _events(nlp, layers, text, names)}


@pytest.mark.parametrize(
    "text",
    [
        "A militia alliance in Iraq claimed the drone attack.",
        "Al-Qaeda's affiliate in Mali claimed responsibility for the bombing.",
    ],
)
def test_who_claims_an_attack_is_not_where_it_happened(pipeline, text):
    events = _located(pipeline, text)  # scored: the scorer may not take the claimant's place
    assert events and not any(e.locations for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "US forces carried out an airstrike about 40 km northeast of Kismayo on Thursday.",
        "Militants attacked a checkpoint 30 km south of Mosul.",
    ],
)
def test_a_measured_offset_on_the_trigger_is_where_it_happened(pipeline, text):
    (event,) = [e for e in _located(pipeline, text) if e.layer in ("strike_sites", "attacks")]
    assert len(event.locations) == 1  # the offset's point, which the scorer once overruled


def test_an_offset_after_a_town_still_only_places_the_town(pipeline):
    text = "A car bomb exploded in Ramadi, 100 km west of Baghdad."
    (event,) = [e for e in _located(pipeline, text) if e.layer == "explosions"]
    assert [text[loc.start : loc.end] for loc in event.locations] == ["Ramadi"]


def test_a_planned_meeting_is_dated_by_the_coming_month(nlp, layers):
    text = "Vandoria will host talks in Port Sella in November."  # written 2024-03-01
    events = _events(nlp, layers, text, ["Vandoria", "Port Sella"])
    assert events and all(e.planned and e.date == "2024-11" for e in events)


def test_where_the_guns_stood_is_the_origin_of_the_shelling_and_of_its_toll(pipeline):
    text = (
        "Russian troops shelled the city of Marhanets from positions in Enerhodar across the "
        "reservoir overnight, wounding four people, the regional governor said."
    )
    events = _located(pipeline, text)
    sites = {text[loc.start : loc.end] for e in events for loc in e.locations}
    assert "Marhanets" in sites and "Enerhodar" not in sites


def test_two_sides_of_one_country_keep_each_other(pipeline):
    text = "Rockets hit northern Israel and southern Israel on Monday."
    (event,) = [e for e in _located(pipeline, text) if e.layer == "strike_sites"]
    assert len(event.locations) == 2


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        # a storm of missiles is missiles; a fire drones started was the drones'
        ("A storm of missiles hit Port Sella overnight.", "strike_sites"),
        ("A fire started by drones destroyed homes in Port Sella.", "attacks"),
        ("An outbreak of fighting killed 30 in Port Sella.", "attacks"),
    ],
)
def test_a_cause_that_someone_wielded_is_no_disaster(nlp, layers, text, layer):
    assert layer in {e.layer for e in _events(nlp, layers, text, ["Port Sella"])}


def test_gunfire_that_names_its_gun_is_an_attack(nlp, layers):
    text = "Machine-gun fire at a checkpoint near Port Sella was reported."
    assert "attacks" in {e.layer for e in _events(nlp, layers, text, ["Port Sella"])}


def test_who_claims_an_attack_in_the_passive_is_not_where_it_happened(pipeline):
    text = "The bombing was claimed by a militia alliance in Iraq."
    events = _located(pipeline, text)
    assert events and not any(e.locations for e in events)


def test_a_close_range_attack_from_a_building_is_at_that_building(pipeline):
    text = "Militants attacked soldiers from a mosque in Tillaberi, killing six."
    sites = {text[loc.start : loc.end] for e in _located(pipeline, text) for loc in e.locations}
    assert "Tillaberi" in sites


def test_a_lake_a_town_lies_on_is_its_context(pipeline):
    text = "The rebels withdrew from Uvira, on the northern tip of Lake Tanganyika."
    (event,) = [e for e in _located(pipeline, text) if e.layer == "movements"]
    assert [text[loc.start : loc.end] for loc in event.locations] == ["Uvira"]


def test_a_place_in_an_as_clause_of_its_own_event_is_not_the_first_events(pipeline):
    # the push has a province of its own; the drones hit Port Sudan "as" it went on
    text = "Rebels pushed into North Kordofan as drones hit Port Sudan."
    where = _where(_located(pipeline, text), text)
    assert "Port Sudan" not in where.get("movement", set())
    assert "Port Sudan" in where.get("strike", set())


@pytest.mark.parametrize(
    "text",
    [
        # taking a ferry is travel, and seizing a yacht or a plane's cargo enforces a law
        "Hundreds of migrants took a ferry from Dover to Port Sella on Tuesday.",
        "Police in Port Sella seized a plane carrying cocaine.",
        "Authorities seized a yacht belonging to a tycoon in Port Sella.",
    ],
)
def test_taking_or_seizing_a_craft_is_no_seizure(nlp, layers, text):
    assert "seizures" not in {e.layer for e in _events(nlp, layers, text, ["Port Sella"])}


def test_an_air_forces_bombing_is_from_the_air(nlp, layers):
    text = "An Air Force bombing run hit a village near Port Sella."
    assert "group_bombing" not in {e.type for e in _events(nlp, layers, text, ["Port Sella"])}


def test_a_since_clause_dates_the_event_and_keeps_its_place(pipeline):
    text = "The insurgents have stepped up attacks since the junta seized power in Niamey in 2023."
    where = _where(_located(pipeline, text), text)
    assert "attack" in where and "Niamey" not in where["attack"]


def test_raids_in_which_people_were_arrested_are_the_arrests(pipeline):
    text = "Security forces arrested nine suspects in raids in Kirkuk and Mosul."
    events = _located(pipeline, text)
    assert {e.layer for e in events} == {"arrests"}
    assert _where(events, text)["arrest"] == {"Kirkuk", "Mosul"}


@pytest.mark.parametrize(
    "text",
    [
        "Veterans of the Battle of Vandor were honoured in Port Sella on Sunday.",
        "He was wounded in the Second Battle of the Marne before he returned to Port Sella.",
    ],
)
def test_a_battle_of_history_named_is_no_clash(nlp, layers, text):
    assert "clashes" not in {e.layer for e in _events(nlp, layers, text, ["Port Sella"])}


def test_a_battle_told_in_running_text_is_a_clash(nlp, layers):
    text = "In Port Sella, the battle for the airport raged for a third day."
    assert "clashes" in {e.layer for e in _events(nlp, layers, text, ["Port Sella"])}


def test_what_leaders_discussed_is_no_place_of_what_they_signed(pipeline):
    text = "The presidents discussed Sudan and Yemen and signed nine agreements in Cairo."
    where = _where(_located(pipeline, text), text)
    assert where and all(not names & {"Sudan", "Yemen"} for names in where.values())


def test_drones_that_cross_into_an_airspace_violate_it_and_move_no_troops(nlp, layers):
    text = "Norland said it shot down drones that crossed into its airspace over Kalvik."
    assert "movements" not in {e.layer for e in _events(nlp, layers, text, ["Kalvik"])}


def test_a_since_clause_of_the_same_war_shares_its_place(pipeline):
    text = "Dozens of people have been killed since clashes erupted in Benghazi last week."
    where = _where(_located(pipeline, text), text)
    assert "Benghazi" in where.get("killing", set())


def test_a_place_of_a_kind_word_stands_in_its_list_by_that_word(nlp):
    from layers.events import _in_the_list

    doc = nlp("Jets bombed Kalvik and the town of Port Sella.")
    sella = next(t for t in doc if t.text == "Sella")
    assert _in_the_list(sella.head if sella.dep_ == "compound" else sella).lower_ == "town"


def test_a_bearing_from_a_town_on_the_trigger_is_where_it_happened_in_the_province_named(
    pipeline,
):
    # the scorer learnt offsets as the context of a town before them; this one hangs
    # on the verb, and the province the sentence opens with only holds it
    text = "In North Darfur, gunmen attacked a crowded market south of Kutum on Monday."
    assert _where(_located(pipeline, text), text)["attack"] == {"south of Kutum"}
    # the same where the parse makes the bearing the object ("a bakery west")
    text = "In Idlib province, jets bombed a bakery west of Saraqib on Monday."
    assert _where(_located(pipeline, text), text)["air_strike"] == {"west of Saraqib"}


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("Gunmen raided a village near Dosso, close to the Nigerian border, on Sunday.",
         "Nigerian"),
        ("Drones bombed a convoy near the Syrian border, killing nine.", "Syrian"),
    ],
)  # fmt: skip
def test_whose_border_it_is_is_no_site(pipeline, text, adjective):
    events = _located(pipeline, text)
    assert events
    named = {text[loc.start : loc.end] for e in events for loc in e.locations}
    assert not any(adjective in name for name in named), named


@pytest.mark.parametrize(
    "text",
    [
        "For a fifth night, thousands of protesters gathered outside parliament in Dorvik.",
        "Hundreds of demonstrators rallied again in front of the court in Dorvik.",
    ],
)
def test_where_protesters_gathered_is_where_they_protested(nlp, layers, text):
    assert _where(_events(nlp, layers, text, ["Dorvik"]), text).get("protest") == {"Dorvik"}


def test_an_object_after_the_first_still_makes_the_phrase(nlp, layers):
    # "close airspace", though the airspace is the second thing closed
    text = "The government closed the main border crossing and its airspace on Friday."
    assert _reports(nlp, layers, text, "airspace_closure")


def test_a_visit_to_a_country_whose_town_the_trip_went_to_marks_the_town(pipeline):
    text = (
        "The general flew to Kunming on Monday for talks with Chinese officials, "
        "his first visit to China in two years."
    )
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert "Kunming" in placed and "China" not in placed, placed


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        # the missiles are the clause's deed, not the attack it is dated by
        ("Jets fired missiles at Dorvik, a week after an attack on pilgrims in Kharbin.",
         "attack"),
        # an attack that names its own weapon keeps it
        ("Days after the missile attack on Kharbin, rescuers were still searching.",
         "shelling"),
    ],
)  # fmt: skip
def test_an_event_noun_that_dates_a_clause_is_typed_by_its_own_words(nlp, layers, text, type_id):
    events = _events(nlp, layers, text, [])
    noun = next(e for e in events if text[e.trigger_start : e.trigger_end] == "attack")
    assert noun.type == type_id


def test_a_place_in_a_conjoined_clause_of_another_event_is_not_the_first_events(pipeline):
    # the parse hangs "and protesters in Ankara clashed" on the detention
    text = (
        "Police detained the mayor of Istanbul at his home on Wednesday, "
        "and protesters in Ankara clashed with riot police."
    )
    where = _where(_located(pipeline, text), text)
    assert "Ankara" not in where.get("arrest", set())
    assert "Ankara" in where.get("crowd_clash", set())


@pytest.mark.parametrize("word", ["before", "after"])
def test_a_place_of_another_event_in_a_clause_that_dates_the_first_is_not_the_firsts(
    pipeline, word
):
    text = (
        "Rival forces exchanged fire along the border overnight, the ministry said, "
        f"hours {word} the two leaders were due to meet in Geneva."
    )
    where = _where(_located(pipeline, text), text)
    assert "Geneva" not in where.get("armed_clash", set())
    assert "Geneva" in where.get("meeting", set())


def test_a_river_across_which_a_district_lies_is_a_landmark(pipeline):
    text = "One rocket landed in the Zorvani district across the Tigris, wounding two civilians."
    where = _where(_located(pipeline, text), text)
    assert "Tigris" not in where.get("projectile_impact", set())
    assert "Tigris" not in where.get("killing", set())
    # a river crossed is still the movement's
    crossed = "Troops crossed the Euphrates near the town of Zorvani."
    assert "Euphrates" in _where(_located(pipeline, crossed), crossed).get("movement", set())


def test_the_place_that_holds_an_unknown_site_stands_for_it(pipeline):
    # no source knows the camp; the town the text puts it near is the best the map has
    text = "A drone strike hit a car in the Zorvani Kutar camp near Tulkarm, killing three people."
    (strike,) = [e for e in _located(pipeline, text) if e.layer == "strike_sites"]
    assert [text[loc.start : loc.end] for loc in strike.locations] == ["near Tulkarm"]
    assert all(loc.confidence <= 0.5 for loc in strike.locations)
    # a site the sources know keeps the holder as its context only
    known = "A drone strike hit a car in the Jenin camp near Tulkarm, killing three people."
    (strike,) = [e for e in _located(pipeline, known) if e.layer == "strike_sites"]
    assert "near Tulkarm" not in {known[loc.start : loc.end] for loc in strike.locations}


@pytest.mark.parametrize(
    "text",
    [
        # where the missiles came from is no strike site, nor is what holds it
        "North Korea fired two missiles from the Zorvani Kutar camp near Pyongyang.",
        # a named area the sources hold is the site, and its holder only context
        "North Korea fired two missiles from the Sunan area near Pyongyang.",
    ],
)
def test_the_holder_of_a_launch_site_is_no_strike_site(pipeline, text):
    assert not _where(_located(pipeline, text), text).get("missile_launch")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels briefly seized the town of Zorvan, and heavy fighting was reported around Gondar.",
        "Heavy explosions were heard in Gondar late on Sunday.",
    ],
)
def test_an_event_reported_or_heard_somewhere_happened_there(pipeline, text):
    where = _where(_located(pipeline, text), text)
    sites = where.get("armed_clash", set()) | where.get("explosion", set())
    assert any(site.endswith("Gondar") for site in sites)
    assert not any(site.endswith("Gondar") for site in where.get("seizure", set()))


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers handed out aid in Zorvan, one of the worst-hit towns.",
        "Soldiers handed out aid in quake-hit villages near Zorvan.",
        "Soldiers said the hardest-hit district was Zorvan.",
    ],
)
def test_how_badly_a_place_was_hit_is_no_attack(nlp, layers, text):
    assert "attacks" not in {e.layer for e in _events(nlp, layers, text, ["Zorvan"])}


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ("Troops were airlifted to Zorvan on Monday.", True),
        ("A warship escorted a tanker through the Zorvan strait.", True),
        ("Police escorted the protesters out of Zorvan square.", False),
    ],
)
def test_forces_airlifted_or_escorting_ships_move(nlp, layers, text, moved):
    events = _events(nlp, layers, text, ["Zorvan"])
    assert ("movements" in {e.layer for e in events}) is moved


@pytest.mark.parametrize(
    ("text", "kind", "site", "there"),
    [
        # a judgement of an event, by people somewhere, is not where it happened
        ("An attack on Taiwan was seen as unlikely by officials in Tokyo.", "attack", "Tokyo",
         False),
        # what a strike caused, told in a clause of its own, shares its place
        ("Israeli jets struck a residential building, and at least 12 people in Khan Younis "
         "were killed, medics said.", "strike", "Khan Younis", True),
        # raids across a river crossed it: the river is no landmark of the marines' base
        ("Ukrainian marines based in Kherson carried out raids across the Dnipro River.",
         "attack", "Dnipro River", True),
        # a site the convoy was bound for is none the attack happened at
        ("Gunmen attacked a convoy of trucks bound for the Zorvani Kutar camp outside "
         "El Fasher.", "attack", "outside El Fasher", False),
        # a manner or a time before a hyphened participle still tells the deed
        ("Civilians fled the heavily-shelled city of Kharkiv.", "shelling", "Kharkiv", True),
    ],
)  # fmt: skip
def test_review_findings_of_the_eleventh_round(pipeline, text, kind, site, there):
    assert (site in _where(_located(pipeline, text), text).get(kind, set())) is there


@pytest.mark.parametrize(
    "text",
    [
        "The army airlifted food and medicine to besieged Zorvan.",
        "Volunteers escorted a convoy of evacuees out of Zorvan.",
    ],
)
def test_aid_airlifted_or_evacuees_escorted_move_no_troops(nlp, layers, text):
    assert "movements" not in {e.layer for e in _events(nlp, layers, text, ["Zorvan"])}


def test_a_plural_the_parse_reads_as_a_name_still_closes_airports(nlp, layers):
    # opening a sentence, "Airports" may be tagged a proper noun, lemma and all
    text = "Airports in Zorvan were temporarily closed during the operation."
    doc = nlp(text)
    doc[0].pos_, doc[0].tag_, doc[0].lemma_ = "PROPN", "NNPS", "Airports"
    mention = _mention(text, "Zorvan")
    events = detect_events(doc, [Resolved(mention, None)], layers=layers)
    assert "airspace_closure" in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "site", "there"),
    [
        # the victim's post says where they served, not where they were killed
        ("Abu Zorvan, the commander of the group's operations in Kutar, was killed in an "
         "airstrike on Tuesday.", "Kutar", False),
        # the object's post: news writes it where the deed was done
        ("Soldiers shot and killed the senior Hamas leader in Kutar during a raid.",
         "Kutar", True),
        # a place of the victim that is no post is still read
        ("Abu Zorvan, a farmer from the hills, was killed in Kutar on Tuesday.", "Kutar", True),
    ],
)  # fmt: skip
def test_the_post_of_one_killed_is_not_where_it_happened(nlp, layers, text, site, there):
    assert (site in _where(_events(nlp, layers, text, [site]), text).get("killing", set())) is there


@pytest.mark.parametrize(
    ("text", "kind", "site", "there"),
    [
        # where a speaker spoke or a statement was issued is not where it happened
        ("Speaking in Geneva, the minister said rebels had attacked a village.", "attack",
         "Geneva", False),
        ("The Interior Ministry, in a statement issued in Kabul, said gunmen had killed four "
         "policemen.", "killing", "Kabul", False),
        ("Border troops, in a statement issued in Dushanbe, blamed the other side for "
         "opening fire first.", "attack", "Dushanbe", False),
        # a statement that is itself the trigger's own place is kept
        ("Gunmen killed four policemen in Kabul, the ministry said in a statement.", "killing",
         "Kabul", True),
        # a clause that only dates an attack keeps the summit's place to the summit
        ("The president, who was attending a summit in Kazan when the attack happened, "
         "condemned it.", "attack", "Kazan", False),
        ("The president, who was attending a summit in Kazan when the attack happened, "
         "condemned it.", "meeting", "Kazan", True),
        # and from the review of those rules
        # a speaker whose clause sets the scene, or holds the event, is no speaker elsewhere
        ("A bomb exploded while the governor was speaking in Kandahar.", "explosion",
         "Kandahar", True),
        ("A video filmed in Bucha showed soldiers executing civilians.", "killing", "Bucha",
         True),
        # a protest that has no place of its own is where its object's place is
        ("Crowds protested the visit of the Israeli president in Istanbul.", "protest",
         "Istanbul", True),
        # a deed told by its verb in a "when" clause shares the scene of the relative clause
        ("Medics who were treating the wounded at a protest in Khartoum when soldiers opened "
         "fire said dozens were hurt.", "attack", "Khartoum", True),
        # the post of one an event befell stays the place of another event
        ("The ambassador, head of the EU mission in Khartoum, was evacuated on Sunday as "
         "fighting raged.", "armed_clash", "Khartoum", True),
        # what a film or an inquiry looks back on happened elsewhere
        ("A film about the killing of the journalist premiered in Venice.", "killing",
         "Venice", False),
        ("An inquiry into the killing of the journalist opened in London.", "killing",
         "London", False),
        # both ends of a route, weighed as one place
        ("Gunmen killed four travellers on the Kaduna-Abuja highway.", "killing", "Abuja",
         True),
        ("Gunmen killed four travellers on the Kaduna-Abuja highway.", "killing", "Kaduna",
         True),
        # a town's police act in their town, whether they shot or one was shot by them
        ("A man was shot eight times by London police in a subway station.", "attack",
         "London", True),
    ],
)  # fmt: skip
def test_review_findings_of_the_twelfth_round(pipeline, text, kind, site, there):
    assert (site in _where(_located(pipeline, text), text).get(kind, set())) is there


@pytest.mark.parametrize(
    ("text", "kind", "site", "there"),
    [
        # a remembrance's place is not the remembered event's; its own words' place is
        ("Residents remembered the 1988 bombing of the airliner at a service in Kutar.",
         "air_strike", "Kutar", False),
        ("A memorial was held in Kutar for victims of the 2004 bombing.", "air_strike", "Kutar",
         False),
        ("Residents remembered the 1988 bombing over Kutar.", "air_strike", "Kutar", True),
        # a car bombing is a bomb that was planted, not an air strike
        ("A car bombing killed five people in Kutar.", "explosion", "Kutar", True),
        ("A car bombing killed five people in Kutar.", "air_strike", "Kutar", False),
        # deaths in a flood or a crash are no killing
        ("Three men were killed in a flood in Kutar.", "disaster_deaths", "Kutar", True),
        ("Three men were killed in a flood in Kutar.", "killing", "Kutar", False),
        ("An engineer was killed in a car crash in Kutar.", "killing", "Kutar", False),
        ("An engineer was killed in an ambush in Kutar.", "killing", "Kutar", True),
        # officials who gather meet; what officials gather is no meeting
        ("NATO defence ministers gathered in Kutar to discuss spending.",
         "gathering_of_officials", "Kutar", True),
        ("Foreign ministers convened in Kutar on Sunday.", "gathering_of_officials", "Kutar",
         True),
        ("Officials gathered evidence in Kutar.", "gathering_of_officials", "Kutar", False),
        # a crowd that loots, burns tyres or blocks a road riots or protests; gunmen
        # who loot destroy property, and troops who block a road protest nothing
        ("Rioters looted shops in Kutar.", "crowd_violence", "Kutar", True),
        ("Gunmen looted shops in Kutar.", "destruction", "Kutar", True),
        ("Gunmen looted shops in Kutar.", "riot", "Kutar", False),
        ("Garment workers blocked the highway at Kutar demanding unpaid wages.",
         "road_blockade", "Kutar", True),
        ("Protesters burned tyres outside Kutar.", "destruction", "Kutar", False),
        ("Troops blocked the road at Kutar.", "road_blockade", "Kutar", False),
        # football fans who march to a stadium protest nothing
        ("Fans marched to the stadium in Kutar.", "protest_march", "Kutar", False),
        ("Thousands marched through Kutar against the war.", "protest_march", "Kutar", True),
        # the humanitarian wording of fighting; an accord to end it is none
        ("Armed confrontations between two militias continued in Kutar.", "armed_clash",
         "Kutar", True),
        ("Confrontations between armed groups continued in Kutar.", "armed_confrontation",
         "Kutar", True),
        ("Hostilities between the army and rebels resumed in Kutar on Sunday.",
         "armed_confrontation", "Kutar", True),
        ("The two sides agreed a cessation of hostilities between the army and rebels in "
         "Kutar.", "armed_confrontation", "Kutar", False),
        ("Mediators urged a halt to hostilities between the army and militias in Kutar.",
         "armed_confrontation", "Kutar", False),
        ("The debate in Kutar turned into a confrontation between the two leaders.",
         "armed_confrontation", "Kutar", False),
        ("Hostilities between the two rival clubs resumed in Kutar on Saturday.",
         "armed_confrontation", "Kutar", False),
        ("The senator's confrontation with reporters in Kutar.", "armed_clash", "Kutar", False),
        # strikes by an air component hit; a walkout or a footballer's shot does not
        ("The air component conducted precision strikes on camps in Kutar.", "strike",
         "Kutar", True),
        ("Workers staged a strike in Kutar.", "strike", "Kutar", False),
        ("A precision strike from 25 yards sealed the win in Kutar.", "strike", "Kutar", False),
        # a shooting or a knife attack is no heavy-weapons attack for missiles named by it
        ("A shooting attack in Kutar was not connected to the missiles.",
         "heavy_weapons_attack", "Kutar", False),
        ("A shooting attack in Kutar was not connected to the missiles.", "attack", "Kutar",
         True),
        ("A missile attack on Kutar killed two.", "attack", "Kutar", False),
    ],
)  # fmt: skip
def test_what_the_words_say_happened_there(nlp, layers, text, kind, site, there):
    assert (site in _where(_events(nlp, layers, text, [site]), text).get(kind, set())) is there


@pytest.mark.parametrize(
    ("text", "struck"),
    [
        # targets that "were hit", with no weapon or agent named, were struck
        ("Targets in Kutar were hit overnight.", True),
        ("Militant positions near Kutar were hit on Sunday.", True),
        # a firm that hit its targets struck nothing
        ("The company hit its sales targets in Kutar.", False),
    ],
)
def test_targets_that_were_hit_were_struck(nlp, layers, text, struck):
    found = _where(_events(nlp, layers, text, ["Kutar"]), text)
    assert ("Kutar" in found.get("strike_on_targets", set())) is struck


@pytest.mark.parametrize(
    ("text", "kind", "site", "there"),
    [
        # "the killing of …" is a killing
        ("The killing of ten men in Kutar sparked anger.", "killing", "Kutar", True),
        # what a protest takes is its cause: the deed's place, not the protest's
        ("Thousands marched in Zorvan to protest the killing of ten men in Kutar.", "protest",
         "Kutar", False),
        ("Thousands marched in Zorvan to protest the killing of ten men in Kutar.", "protest",
         "Zorvan", True),
        ("Thousands marched in Zorvan to protest the killing of ten men in Kutar.", "killing",
         "Kutar", True),
        # a visit protested where it took place is the protest's place
        ("Hundreds of demonstrators protested the envoy's visit in Kutar on Thursday.",
         "protest", "Kutar", True),
    ],
)  # fmt: skip
def test_what_a_protest_takes_is_its_cause(nlp, layers, text, kind, site, there):
    names = [n for n in ("Zorvan", "Kutar") if n in text]
    assert (site in _where(_events(nlp, layers, text, names), text).get(kind, set())) is there


def test_both_ends_of_a_route_are_where_it_happened(pipeline):
    text = "A bomb exploded on the Buea-Limbe road on Sunday."
    assert {"Buea", "Limbe"} <= _where(_located(pipeline, text), text).get("explosion", set())
    # the model reads "the Abuja-Kaduna" as a firm's name: still a road between towns
    text = "Gunmen kidnapped 20 passengers on the Abuja-Kaduna highway on Sunday."
    assert {"Abuja", "Kaduna"} <= _where(_located(pipeline, text), text).get("abduction", set())


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("A bomb exploded on the Buea–Limbe road, about 20 km west of Buea, killing four.",
         "20 km west of Buea"),
        ("Gunmen ambushed a convoy on the Abuja-Kaduna highway, 30 km north of Abuja.",
         "30 km north of Abuja"),
    ],
)  # fmt: skip
def test_a_distance_after_a_route_is_the_point_on_it(pipeline, text, point):
    # neither of the route's ends: the bomb was 20 km down the road, whether a hyphen
    # or an en dash joins them (tester round 35, F9)
    where = _where(_located(pipeline, text), text)
    assert set().union(*where.values()) == {point}, where


def test_a_road_s_ends_give_way_to_the_place_on_it(pipeline):
    text = (
        "The militants detonated a bomb when the patrol arrived on the Buea-Limbe road "
        "in Mutengene district."
    )
    assert _where(_located(pipeline, text), text)["explosion"] == {"Mutengene"}
    # a province on the road is no rival of its towns: the event keeps it
    text = "Bandits kidnapped travellers on the Abuja-Kaduna highway in Kaduna state."
    assert _where(_located(pipeline, text), text)["abduction"] == {"Kaduna state"}


def test_a_place_the_parse_joins_to_the_subject_goes_on_its_list(nlp, layers):
    # the parse reads "Police in Kutar" and "Zorvan" as the two subjects
    text = "Police in Kutar and Zorvan detained 176 people."
    assert {"Kutar", "Zorvan"} <= _where(_events(nlp, layers, text, ["Kutar", "Zorvan"]), text)[
        "arrest"
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what hit them is told: power cuts and lightning strike nothing
        ("Bases in Kutar were hit by power cuts.", "strike_on_targets"),
        ("A fuel depot near Kutar was hit by lightning.", "strike_on_targets"),
        # a killing made on a market, officials who gather bodies, people burned alive
        ("Investors made a killing in Kutar.", "killing"),
        ("Officials gathered bodies in Kutar.", "gathering_of_officials"),
        ("Villagers were rounded up and burned alive by militants in Kutar.", "crowd_violence"),
        ("Residents barricaded themselves in their homes in Kutar.", "road_blockade"),
        ("Residents blocked the view of snipers in Kutar.", "road_blockade"),
    ],
)
def test_words_that_report_no_such_event(nlp, layers, text, kind):
    assert kind not in {e.type for e in _events(nlp, layers, text, ["Kutar"])}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Kherson, a regional capital, was shelled again on Monday.", "Kherson"),
        ("Odesa, a Black Sea port, was attacked by drones overnight.", "Odesa"),
        ("Sumy, near the Russian border, was struck by missiles.", "Sumy"),
        ("Kherson, which troops left in 2022, was shelled again on Monday.", "Kherson"),
    ],
)
def test_a_place_described_between_commas_is_still_its_verbs_site(pipeline, text, site):
    """What is said of a place between commas ("a Black Sea port") is no distance."""
    where = _where(_located(pipeline, text), text)
    assert any(site in names for names in where.values()), where


@pytest.mark.parametrize(
    ("text", "speaker_place", "kept"),
    [
        ("Gunmen killed 15 drivers, a trader in Kano told reporters.", "Kano", False),
        ("An analyst in Dakar said militants had attacked the convoy.", "Dakar", False),
        ("The village was shelled overnight, a resident reached by phone in Goma said.",
         "Goma", False),
        ("An aid worker in Dakar said a drone strike killed 40 people.", "Dakar", False),
        # a police source, a driver or a health worker there is most often where it happened
        ("A police source in Ramadi said the blast killed four people.", "Ramadi", True),
        ("A taxi driver in Kabul said a bomb exploded near his car.", "Kabul", True),
        ("A health worker in Gaza City said an airstrike hit a school.", "Gaza City", True),
    ],
)  # fmt: skip
def test_a_distant_source_speaks_from_where_it_is(pipeline, text, speaker_place, kept):
    where = _where(_located(pipeline, text), text)
    assert any(speaker_place in names for names in where.values()) is kept, where


@pytest.mark.parametrize(
    ("text", "venue", "parties"),
    [
        ("Talks between Kyiv and Moscow resumed in Istanbul.", {"Istanbul"}, {"Kyiv", "Moscow"}),
        ("Peace talks between Kinshasa and the rebels resumed in Doha.", {"Doha"}, {"Kinshasa"}),
        ("Qatar mediated between Kigali and Kinshasa.", set(), {"Kigali", "Kinshasa"}),
        ("The two leaders met at a hotel between Geneva and Lausanne.", {"Geneva", "Lausanne"},
         set()),
    ],
)  # fmt: skip
def test_the_parties_talks_are_between_are_not_their_venue(pipeline, text, venue, parties):
    """ "A hotel between Geneva and Lausanne" is a place between two others, not parties."""
    met = {name for name, layers in _layers_at(_located(pipeline, text), text).items()
           if "meetings" in layers}  # fmt: skip
    assert venue <= met and not parties & met, met


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("El Fasher has been under siege by the RSF since May.", "El Fasher"),
        ("The town of Avdiivka came under heavy shelling on Monday.", "Avdiivka"),
    ],
)
def test_what_is_under_an_event_is_where_it_happened(pipeline, text, site):
    where = _where(_located(pipeline, text), text)
    assert any(site in names for names in where.values()), where


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("The talks in Doha covered a ceasefire and the return of hostages.", "Doha"),
        ("The meeting, held in Geneva, dealt with prisoner exchanges.", "Geneva"),
        ("The summit in Nairobi tackled climate finance.", "Nairobi"),
    ],
)
def test_what_talks_covered_leaves_the_place_they_were_held(pipeline, text, venue):
    met = {name for name, layers in _layers_at(_located(pipeline, text), text).items()
           if "meetings" in layers}  # fmt: skip
    assert venue in met, met


@pytest.mark.parametrize(
    "text",
    [
        "Delegates convened in Doha for talks on Sunday.",
        "The envoy arrived in Doha for talks on Sunday.",
    ],
)
def test_talks_a_trip_or_a_gathering_was_for_are_where_it_went(pipeline, text):
    where = _where(_located(pipeline, text), text)
    assert where.get("meeting") == {"Doha"}, where


def _event_at(text: str, word: str, layer: str, places: tuple[str, ...] = ()) -> ReportedEvent:
    start = text.index(word)
    locations = tuple(
        EventLocation(i, i + len(p), i, i + len(p), "location", 0.9)
        for p in places
        for i in [text.index(p)]
    )
    return ReportedEvent(
        type="killing", layer=layer, trigger=word, trigger_start=start,
        trigger_end=start + len(word), sentence_start=0, sentence_end=len(text),
        locations=locations,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "shared"),
    [
        ("Two policemen were killed and seven others wounded in Dorvik.", True),
        # a deed with an actor of its own is its own
        ("A soldier killed two men, and a settler wounded four in Dorvik.", False),
    ],
)
def test_a_deed_conjoined_with_one_of_its_kind_shares_its_place(nlp, text, shared):
    """ "Were killed, including a child, and 24 wounded when a bomb exploded in X"."""
    doc = nlp(text)
    killed = _event_at(text, "killed", "attacks")
    wounded = _event_at(text, "wounded", "attacks", ("Dorvik",))
    out = _share_with_participles([killed, wounded], doc)
    assert bool(out[0].locations) is shared, out[0]


def test_where_people_were_abducted_from_is_where_the_parse_hangs_it_on_them(pipeline):
    text = (
        "Armed bandits abducted at least 24 students from a university hostel in Gusau, "
        "the capital of Zamfara State."
    )
    where = _where(_located(pipeline, text), text)
    assert where.get("abduction") == {"Gusau"}, where


@pytest.mark.parametrize(
    ("text", "sits", "site"),
    [
        ("Officials in Mandalay imposed a curfew in Monywa after protests.", "Mandalay",
         "Monywa"),
        ("The governor in Peshawar imposed a curfew in Bannu after clashes.", "Peshawar",
         "Bannu"),
    ],
)  # fmt: skip
def test_those_who_act_after_an_event_act_from_where_they_sit(pipeline, text, sits, site):
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert site in placed and sits not in placed, placed


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Two people died when trees fell on cars near Kutar.", "disaster_deaths"),
        ("A woman died after floodwaters swept through Kutar.", "disaster_deaths"),
        # a bomb is no disaster
        ("Two people died when a bomb exploded near Kutar.", "killing"),
    ],
)
def test_deaths_a_disaster_in_their_clause_caused_are_its(nlp, layers, text, kind):
    deaths = [e for e in _events(nlp, layers, text, ["Kutar"]) if e.trigger == "died"]
    assert [e.type for e in deaths] == [kind]


def test_a_town_after_an_area_and_a_comma_narrows_it(pipeline):
    text = "A coalition aircraft shot down a drone over Iraqi Kurdistan, near Erbil."
    layers = _layers_at(_located(pipeline, text), text)
    assert "shootdown_area" in layers.get("near Erbil", set()), layers


# Round 16's review: each rule of the round, where its words meant something else.
@pytest.mark.parametrize(
    ("text", "type_id", "site"),
    [
        # "took to the streets", "carried out strikes into": no one taken to a facility
        ("Thousands took to the streets in Dhaka to demand the minister's resignation.",
         "protest", "Dhaka"),
        ("Turkish jets carried out strikes into northern Iraq.", "strike", "Iraq"),
        # a sea after the event's word is a site of its own
        ("Russian drones attacked ships in the Black Sea and port facilities in Odesa.",
         "heavy_weapons_attack", "Black Sea"),
        # the killings are the verb's topic, not a clause it tells
        ("Survivors told of killings in Tadamon.", "killing", "Tadamon"),
    ],
)  # fmt: skip
def test_the_rounds_rules_keep_off_other_senses(pipeline, text, type_id, site):
    assert site in _where(_located(pipeline, text), text).get(type_id, set())


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("A house collapsed in an air raid on Dorvik, killing seven.", "disaster_deaths"),
        ("The stock market collapsed in Dorvik on Monday.", "structural_collapse"),
        ("The rebels pushed for talks in Dorvik.", "forces_on_the_move"),
        ("The navy took an aircraft carrier through the strait near Dorvik.", "seizure"),
        ("Customs officials seized cocaine on a freighter in Dorvik.", "seizure"),
        ("Rain dispersed the crowd at the concert in Dorvik.", "crowd_dispersal"),
    ],
)
def test_the_rounds_new_types_keep_off_other_senses(nlp, layers, text, type_id):
    assert not _reports(nlp, layers, text, type_id)


def test_a_clause_about_someone_or_somewhere_else_keeps_its_own_date(pipeline):
    for text in (
        "Thousands marched to the site of the 2020 blast in Beirut, where protesters "
        "clashed with security forces.",
        "Police arrested a suspect in the 2016 bombings who opened fire on officers in Molenbeek.",
    ):
        doc = pipeline.nlp(text)
        events = detect_events(
            doc, pipeline.locate(doc), layers=pipeline.layers, article_date="2026-11-20"
        )
        late = [e for e in events if e.type in ("armed_clash", "crowd_clash", "attack")]
        assert late and all(e.date == "2026-11-20" for e in late), text


def test_a_word_that_only_contains_a_sites_name_links_nothing_back(nlp, layers):
    text = "A Britain-based monitor reported clashes near Dorvik. The assault on the base went on."
    events = _events(nlp, layers, text, ["Dorvik"])
    assert not [e for e in events if e.type == "attack" and e.locations]


def test_a_blast_takes_the_place_of_the_deaths_it_caused(nlp, layers):
    text = "A suicide bomber detonated a vest, killing eight people in a market in Dorvik."
    where = _where(_events(nlp, layers, text, ["Dorvik"]), text)
    assert where["explosion"] == {"Dorvik"}


def test_what_happened_during_a_fight_says_where_it_was(nlp, layers):
    text = "Twenty people were killed in Dorvik during fighting on Sunday."
    assert _where(_events(nlp, layers, text, ["Dorvik"]), text)["armed_clash"] == {"Dorvik"}


def test_where_people_fled_during_a_fight_is_not_where_it_was(nlp, layers):
    text = "Families who fled to Dorvik during the shelling have begun returning."
    where = _where(_events(nlp, layers, text, ["Dorvik"]), text)
    assert where["journey"] == {"Dorvik"} and not where.get("shelling")


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers captured the checkpoint near Dorvik after a four-hour gunfight.",
        # "retook" is its own lemma, and what troops retake may be a checkpoint
        "Troops retook a checkpoint near Dorvik after a four-hour gunfight.",
        # police retake what gangs held
        "Police retook a checkpoint near Dorvik after a four-hour gunfight.",
    ],
)
def test_a_fight_a_seizure_came_after_was_where_the_seizure_was(nlp, layers, text):
    where = _where(_events(nlp, layers, text, ["Dorvik"]), text)
    assert where["armed_clash"] == {"Dorvik"}
    assert where.keys() & {"seizure", "retaking"}


def test_struck_by_a_bomb_is_one_event_with_the_verb(nlp, layers):
    text = "A convoy was hit by a roadside bomb near Dorvik."
    (blast,) = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.type == "explosion"]
    start = text.index("hit")
    assert (start, start + 3) in blast.trigger_words
    assert {text[loc.start : loc.end] for loc in blast.locations} == {"Dorvik"}


@pytest.mark.parametrize(
    ("text", "kind", "site"),
    [
        ("A bomb was detonated under a truck carrying seven workers in Dorvik.", "explosion",
         {"Dorvik"}),
        ("Gunmen shot a police officer walking near his home in Dorvik.", "attack",
         {"Dorvik"}),
        # where someone lives is not, by the rules, where the deed was
        ("Gunmen shot a man living in Kutar.", "attack", set()),
        # nor where it attends something, nor where it was going
        ("Gunmen shot a journalist attending a summit in Kutar.", "attack", set()),
        ("A drone struck a car driving towards Kutar.", "strike", set()),
    ],
)  # fmt: skip
def test_a_participle_on_the_target_says_where_it_was_at_the_time(nlp, layers, text, kind, site):
    names = [n for n in ("Dorvik", "Kutar") if n in text]
    where = _where(_events(nlp, layers, text, names), text)
    assert where.get(kind, set()) == site, where


def test_a_place_on_the_verb_of_an_event_noun_subject_is_measured_from_the_verb(pipeline):
    """The noun at the start of the sentence is far from what its verb says of it."""
    text = (
        "The fighting, which the army blamed on rebels, erupted again on Monday and spread "
        "to the outskirts of Silopi town in the southeastern province of Sirnak, residents said."
    )
    where = _where(_located(pipeline, text), text)
    assert where.get("armed_clash") == {"Silopi"}, where


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The rebels launched a ballistic missile at Dorvik on Friday.", "target"),
        ("The militia fired rockets towards Dorvik on Monday.", "target"),
        # where the launchers stood is where the launch was
        ("The militia fired rockets from Dorvik on Monday.", None),
    ],
)
def test_what_a_launch_is_aimed_at_is_its_target(nlp, layers, text, role):
    events = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.type == "missile_launch"]
    roles = {loc.role for e in events for loc in e.locations}
    assert roles == ({role} if role else set()), events


def test_an_event_noun_told_weeks_apart_keeps_its_place(pipeline):
    text = "Jets struck the port on Monday, weeks after talks in Doha in March."
    where = _where(_located(pipeline, text), text)
    assert where.get("meeting") == {"Doha"} and not where.get("strike"), where


def test_a_deed_told_months_before_an_event_keeps_its_place(pipeline):
    text = (
        "The group claimed the attack, which came eight months after its fighters hijacked "
        "a passenger train near Sibi."
    )
    where = _where(_located(pipeline, text), text)
    assert where.get("hijacking") == {"near Sibi"}, where
    assert not where.get("attack"), where


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        # a bomb set off at a site is an explosion; the bombing of a town is from the air
        ("A bombing at a hotel in Dorvik killed five people on Monday.", "explosion"),
        ("The bombing of Dorvik continued on Monday.", "air_strike"),
        ("A bombing in Dorvik killed 12 people on Monday.", "explosion"),
        ("An air force bombing in Dorvik killed civilians.", "air_strike"),
        # a train can be hijacked
        ("Militants hijacked a passenger train near Dorvik on Tuesday.", "hijacking"),
        # an army that commandeers trains moves troops; it hijacks nothing
        ("The army commandeered trains to move troops to Dorvik.", "movement"),
        # bombs dropped from the air
        ("A military aircraft dropped bombs on a monastery in Dorvik.", "air_strike"),
        # a crowd's fight is no armed clash; armed men's is
        ("Football fans clashed with police outside a stadium in Dorvik.", "crowd_clash"),
        ("Protesters clashed with riot police in Dorvik on Saturday.", "crowd_clash"),
        ("Rebels clashed with troops near Dorvik.", "armed_clash"),
    ],
)
def test_round_seventeen_types(nlp, layers, text, type_id):
    assert type_id in {e.type for e in _events(nlp, layers, text, ["Dorvik"])}


def test_an_army_that_commandeers_trains_hijacks_nothing(nlp, layers):
    text = "The army commandeered trains to move troops to Dorvik."
    assert "hijacking" not in {e.type for e in _events(nlp, layers, text, ["Dorvik"])}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The attack, which killed 10 in Kabul, was condemned in Islamabad.", "attack"),
        ("The strikes hit Kabul and were condemned in Islamabad.", "strike"),
    ],
)
def test_where_an_event_was_judged_is_not_where_it_happened(pipeline, text, kind):
    where = _where(_located(pipeline, text), text).get(kind, set())
    assert "Kabul" in where and "Islamabad" not in where, where


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # a town after an institution named "of" a state is where the institution stands
        ("Students protested at the University of Texas in Austin on Monday.", "Austin"),
        ("Students protested at the University of Kharkiv on Monday.", "Kharkiv"),
    ],
)
def test_an_institution_named_of_a_place_stands_in_the_town_after_it(pipeline, text, site):
    assert _where(_located(pipeline, text), text).get("protest") == {site}


def test_a_name_right_after_its_kind_stands_for_it_however_it_parses(nlp, layers):
    # the parse this rule mends: "Dorvik" hung on the verb, like the time word after it
    words = ["Crowds", "demonstrated", "in", "the", "capital", "Dorvik", "Saturday", "."]
    heads = [1, 1, 1, 4, 2, 1, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "npadvmod", "npadvmod", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "NNP", "NNP", "."]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["crowd", "demonstrate", "in", "the", "capital", "Dorvik", "Saturday", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert _named_after_its_kind(doc[5]) and not _named_after_its_kind(doc[6])
    where = _where(_events(lambda _: doc, layers, " ".join(words), ["Dorvik"]), " ".join(words))
    assert where.get("protest") == {"Dorvik"}, where


def test_a_vicinity_phrase_on_the_verb_is_where_the_deed_was(nlp, layers):
    # the parse of "not far from X" this rule reads: "far" an adverb on the verb
    words = ["Rebels", "downed", "a", "jet", "not", "far", "from", "Dorvik", "."]
    heads = [1, 1, 3, 1, 5, 1, 5, 6, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "neg", "advmod", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "RB", "RB", "IN", "NNP", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PART", "ADV", "ADP", "PROPN", "PUNCT"]
    lemmas = ["rebel", "down", "a", "jet", "not", "far", "from", "Dorvik", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    text = doc.text
    start, anchor = text.index("not"), text.index("Dorvik")
    phrase = Mention(
        start, anchor + 6, text[start : anchor + 6], MentionKind.PHRASE, "Dorvik", anchor,
        anchor + 6, area=AreaSpec(AreaKind.VICINITY),
    )  # fmt: skip
    events = detect_events(doc, [Resolved(phrase, None)], layers=layers, article_date="2024-03-01")
    assert _where(events, text).get("shootdown") == {"not far from Dorvik"}, events


def test_the_same_deed_told_again_in_a_participle_shares_its_place(pipeline):
    text = (
        "Rebels shot down an army fighter jet on Saturday, downing the aircraft with a "
        "missile not far from Grozny, the regional capital."
    )
    (shot,) = [e for e in _located(pipeline, text) if e.trigger.startswith("shot")]
    assert any("Grozny" in text[loc.start : loc.end] for loc in shot.locations), shot


def test_talks_abroad_are_not_where_the_sentence_is(pipeline):
    # (tester round 36, F3)
    text = "We start in North Kivu, where the guns have not fallen silent despite the talks abroad."
    (talks,) = [e for e in _located(pipeline, text) if e.trigger == "talks"]
    assert not talks.locations, talks


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Agents killed a Russian officer abroad, in Istanbul, officials said.", {"Istanbul"}),
        ("Protests abroad, in London and Paris, called for a ceasefire.", {"London", "Paris"}),
    ],
)
def test_the_places_that_say_where_abroad_stay(pipeline, text, where):
    # (review of session 47, 4)
    found = _where(_located(pipeline, text), text)
    assert any(places >= where for places in found.values()), found


def test_a_capital_s_junta_speaks_from_it_and_strikes_nothing_there(pipeline):
    # (tester round 36, F1)
    text = (
        "The junta's information team in Naypyitaw said its aircraft had targeted "
        "rebel training camps."
    )
    where = _where(_located(pipeline, text), text)
    assert not any("Naypyitaw" in places for places in where.values()), where


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        # a rescue, medical or UN team is in the capital because the event is
        ("A rescue team in Kyiv said a missile had hit a residential building, killing three.",
         "Kyiv"),
        ("A UN team in Kabul said an explosion had killed six worshippers.", "Kabul"),
        # what the seat says points back to its own town
        ("The junta in Bamako said militants had attacked a military school in the capital.",
         "Bamako"),
    ],
)
def test_a_team_there_or_a_seat_pointing_back_keeps_the_capital(pipeline, text, capital):
    # (review of session 47, 3)
    where = _where(_located(pipeline, text), text)
    assert any(capital in places for places in where.values()), where


@pytest.mark.parametrize(
    ("text", "speaker", "site"),
    [
        # the clause that tells the event says where; the speaker is where it is
        # (the review of session 48, 1)
        ("A UN team in Kabul said a blast killed six people in Kunduz.", "Kabul", "Kunduz"),
        ("A Red Cross team in Kyiv said shelling killed three in Kherson.", "Kyiv", "Kherson"),
        ("UN investigators in Kabul said an airstrike killed 11 civilians in Khost.", "Kabul",
         "Khost"),
        # "there" points to the town named last, not to the seat (review of session 48, 2)
        ("Officials in Kyiv said drones hit Odesa and that two people died there.", "Kyiv",
         "Odesa"),
    ],
)  # fmt: skip
def test_a_speaker_s_town_is_not_the_site_its_words_name_another_for(
    pipeline, text, speaker, site
):
    where = _where(_located(pipeline, text), text)
    assert not any(speaker in places for places in where.values()), where
    assert any(site in places for places in where.values()), where


def test_deaths_hung_on_a_modifier_of_the_object_are_where_the_deed_was(nlp):
    # the parse this rule reads: "killing" hung on "wired", a participle on the bombs
    words = ["A", "bomber", "detonated", "bombs", "wired", "to", "her", "body", ",",
             "killing", "six", "in", "Dorvik", "."]  # fmt: skip
    heads = [1, 2, 2, 2, 3, 4, 7, 5, 4, 4, 9, 9, 11, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "acl", "prep", "poss", "pobj", "punct", "advcl",
            "dobj", "prep", "pobj", "punct"]  # fmt: skip
    pos = ["DET", "NOUN", "VERB", "NOUN", "VERB", "ADP", "PRON", "NOUN", "PUNCT", "VERB",
           "NUM", "ADP", "PROPN", "PUNCT"]  # fmt: skip
    tags = ["DT", "NN", "VBD", "NNS", "VBN", "IN", "PRP$", "NN", ",", "VBG", "CD", "IN",
            "NNP", "."]  # fmt: skip
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    text = doc.text
    blast = _event_at(text, "detonated", "explosions")
    deaths = _event_at(text, "killing", "attacks", ("Dorvik",))
    shared, _ = _share_with_participles([blast, deaths], doc)
    assert [text[loc.start : loc.end] for loc in shared.locations] == ["Dorvik"], shared


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # eight months before the attack, which the sentence leaves on the article's day
        ("The group claimed the attack, which came eight months after its fighters hijacked "
         "a passenger train near Dorvik.", "hijacking", "2023-07"),
        # two weeks before that Monday
        ("Jets struck the port on Monday, two weeks after rebels seized the town of Dorvik.",
         "seizure", "2024-02-12"),
        # a day after the seizure
        ("Rebels seized the town of Dorvik on Monday, a day before troops arrived.",
         "forces_arrived", "2024-02-27"),
    ],
)  # fmt: skip
def test_a_deed_told_a_span_before_or_after_an_event_is_dated_by_it(nlp, layers, text, kind, date):
    events = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.type == kind]
    assert [e.date for e in events] == [date], events


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        # what a coast guard or a navy intercepts at sea is stopped, not shot down
        ("The coast guard intercepted three boats carrying 320 migrants off Dorvik.",
         "shootdown"),
        ("The navy intercepted a ship carrying weapons off Dorvik on Saturday.", "shootdown"),
        # a campaign of words and a game of chess are no attack
        ("The champion launched a charm offensive in Dorvik on Monday.", "attack"),
        ("At the chess Olympiad in Dorvik, the grandmaster launched a kingside offensive.",
         "attack"),
        # a person under sanctions is told of, not sanctioned here
        ("Kolvar, the gang leader under U.S. and UN sanctions, said the gangs would fight on.",
         "diplomatic_action"),
        # a weapon named is no blast, and a briefing of the press no meeting
        ("Soldiers seized 30 rifles and two grenade launchers near Dorvik.", "explosion"),
        ("The spokeswoman said so at her morning news conference.", "meeting"),
    ],
)  # fmt: skip
def test_words_of_war_used_of_other_things_report_no_such_event(nlp, layers, text, type_id):
    assert not _reports(nlp, layers, text, type_id)


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("Air defences intercepted three drones over Dorvik.", "shootdown"),
        ("Rebels launched an offensive in Dorvik on Monday.", "attack"),
        ("The EU imposed sanctions on Kolvar on Monday.", "diplomatic_action"),
        ("A grenade exploded in the market of Dorvik.", "explosion"),
        ("The leaders met at a peace conference in Dorvik.", "meeting"),
    ],
)
def test_the_same_words_used_of_war_still_report_it(nlp, layers, text, type_id):
    assert _reports(nlp, layers, text, type_id)


@pytest.mark.parametrize(
    ("text", "kind", "where"),
    [
        # a town does not hold a province, nor a town hundreds of km away
        ("Gunmen killed the governor of Sinaloa in Culiacán on Monday.", "killing", {"Culiacán"}),
        ("Gunmen killed the mayor of Uruapan in Culiacán on Monday.", "killing", {"Culiacán"}),
        # nor a region: the meeting was in the town
        (
            "The envoy met the Governor of Darfur Region in Port Sudan on Monday.",
            "meeting",
            {"Port Sudan"},
        ),
        # a province still holds its town
        ("Gunmen killed five people in Uruapan in Michoacán on Monday.", "killing", {"Uruapan"}),
    ],
)
def test_a_place_after_a_named_office_holder_is_where_the_deed_was(pipeline, text, kind, where):
    assert _where(_located(pipeline, text), text).get(kind) == where


def test_fighting_that_only_says_whose_shells_they_were_is_not_where_they_landed(pipeline):
    text = "Shells from fighting in Syria landed in the Turkish town of Akcakale on Saturday."
    where = _where(_located(pipeline, text), text)
    assert where.get("armed_clash") == {"Syria"} and where.get("projectile_impact") == {
        "Akcakale"
    }, where


def test_dead_after_a_verb_is_that_verb_s_deaths_and_place(pipeline):
    text = (
        "A roadside bomb killed two rangers in Narathiwat province on Friday, hours after "
        "gunmen shot dead a village headman in neighbouring Pattani."
    )
    deaths = [e for e in _located(pipeline, text) if e.trigger.endswith("dead")]
    assert [e.trigger for e in deaths] == ["shot dead"], deaths
    assert {text[loc.start : loc.end] for loc in deaths[0].locations} == {"Pattani"}, deaths


@pytest.mark.parametrize(
    ("text", "kind", "where"),
    [
        # who live in a town, as the event's subject, were there
        ("In Abkhazia, residents of Sukhumi protested on Saturday against power cuts.",
         "protest", {"Sukhumi"}),
        ("Five residents of Nyamilima in North Kivu were beheaded by armed men.", "attack",
         {"Nyamilima"}),
    ],
)  # fmt: skip
def test_residents_of_a_town_who_did_or_suffered_the_deed_place_it(pipeline, text, kind, where):
    assert _where(_located(pipeline, text), text).get(kind) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Authorities suspended all commercial flights at Port-au-Prince airport on Wednesday.",
         {"Port-au-Prince"}),
        ("Airlines halted flights to Tel Aviv on Monday.", {"Tel Aviv"}),
    ],
)  # fmt: skip
def test_flights_stopped_at_an_airport_or_to_a_city_close_the_sky_there(pipeline, text, where):
    assert _where(_located(pipeline, text), text).get("flights_halted") == where


def test_armed_vehicles_that_move_towards_a_town_are_forces_on_the_move(nlp, layers):
    text = "Armed vehicles from Kolvar moved towards Dorvik on Sunday."
    assert _where(_events(nlp, layers, text, ["Kolvar", "Dorvik"]), text).get(
        "forces_on_the_move"
    ) == {"Dorvik"}
    # traffic is no force
    assert not _reports(
        nlp, layers, "Vehicles moved slowly towards the city.", "forces_on_the_move"
    )


@pytest.mark.parametrize(
    ("text", "kind", "where"),
    [
        # residents who act elsewhere are where they acted
        ("Residents of Goma protested in Kinshasa against the occupation.", "protest",
         {"Kinshasa"}),
        # "pronounced dead" is no blow: the killing keeps the place of the stabbing
        ("The victim was pronounced dead in Tel Aviv after being stabbed in Jerusalem.",
         "killing", {"Tel Aviv", "Jerusalem"}),
        # an attack that forced a halt keeps the place it forced it at
        ("The drone attack forced the suspension of flights at Kazan airport.", "air_strike",
         {"Kazan"}),
    ],
)  # fmt: skip
def test_what_the_review_found_each_rule_overreach(pipeline, text, kind, where):
    assert _where(_located(pipeline, text), text).get(kind) == where


@pytest.mark.parametrize(
    ("text", "type_id", "reported"),
    [
        # imposing sanctions is a sanction, standing under them is not
        ("The Treasury placed three Houthi officials under sanctions on Thursday.",
         "diplomatic_action", True),
        # people who flee are no flights
        ("The fighting halted the flight of refugees to Chad.", "flights_halted", False),
    ],
)  # fmt: skip
def test_a_word_s_other_sense_reports_its_own_kind(nlp, layers, text, type_id, reported):
    assert _reports(nlp, layers, text, type_id) is reported


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("A drone hit a US base in Erbil on Wednesday.", "Erbil"),
        ("Rockets were fired at a UK base in Basra late on Tuesday.", "Basra"),
    ],
)
def test_a_country_before_a_base_abroad_is_its_owner(pipeline, text, site):
    places = set().union(*_where(_located(pipeline, text), text).values())
    assert places == {site}


def test_a_town_before_a_base_is_where_the_base_is(pipeline):
    text = "Gunmen attacked the Kabul base on Monday."
    assert "Kabul" in set().union(*_where(_located(pipeline, text), text).values())


@pytest.mark.parametrize(
    "text",
    [
        "Turkish artillery shelled villages west of Manbij on Monday.",
        "Russian artillery shelled villages east of Kupiansk overnight.",
    ],
)
def test_a_bearing_from_a_town_is_where_the_deed_was(pipeline, text):
    events = _located(pipeline, text)
    assert any(e.layer == "strike_sites" and e.locations for e in events)


def test_a_bearing_set_off_by_a_comma_only_says_where_the_town_before_lies(pipeline):
    text = "Mortar shells hit homes in Abu Ghraib, west of Baghdad, on Monday."
    places = set().union(*_where(_located(pipeline, text), text).values())
    assert "Abu Ghraib" in places and not any("Baghdad" in p for p in places)


def test_another_strike_takes_its_weapon_from_the_sentence_before(pipeline):
    first = "Drones struck a fuel depot in Qamishli on Tuesday."
    second = "Another strike hit an oil facility in Hasakah."
    text = f"{first} {second}"
    events = [e for e in _located(pipeline, text) if e.trigger_start > len(first)]
    assert any(e.layer == "strike_sites" and e.locations for e in events)


def test_another_strike_after_a_walkout_is_no_attack(pipeline):
    text = "Dockers walked out on Monday. Another strike hit an oil facility in Hasakah."
    assert not any(e.layer == "strike_sites" for e in _located(pipeline, text))


@pytest.mark.parametrize("denied", [False, True])
def test_a_drone_shot_down_is_one_event(pipeline, denied):
    text = (
        "The army denied that rebels had shot down a drone near Kidal on Monday."
        if denied
        else "Rebels shot down a drone near Kidal on Monday."
    )
    downings = [e for e in _located(pipeline, text) if e.layer == "shootdown_area"]
    assert len(downings) == 1
    assert downings[0].denied is denied


@pytest.mark.parametrize(
    "text",
    [
        "Security forces arrested four men in Kirkuk on Thursday suspected of launching drones.",
        "Police detained a man in Basra accused of firing rockets.",
    ],
)
def test_a_deed_someone_is_accused_of_is_not_where_they_were_arrested(pipeline, text):
    events = _located(pipeline, text)
    arrests = [e for e in events if e.layer == "arrests"]
    deeds = [e for e in events if e.layer != "arrests"]
    assert arrests and arrests[0].locations
    assert deeds and not any(e.locations for e in deeds)


def test_a_deed_someone_is_accused_of_keeps_its_own_place(pipeline):
    text = "Police arrested a man accused of attacking a checkpoint in Kirkuk."
    assert "Kirkuk" in _where(_located(pipeline, text), text).get("attack", set())


@pytest.mark.parametrize(
    ("text", "clash_placed"),
    [
        # the clashes the story told before, wherever they were
        ("Police arrested 20 people in Nablus after the clashes.", False),
        # a gunbattle that led to the capture was where the capture was
        ("Police captured two gunmen in Nablus after a four-hour gunbattle.", True),
    ],
)
def test_an_arrest_after_the_clashes_does_not_place_them(pipeline, text, clash_placed):
    clashes = [e for e in _located(pipeline, text) if e.layer == "clashes"]
    assert clashes and bool(clashes[0].locations) is clash_placed


@pytest.mark.parametrize(
    "text",
    [
        "In the film, rebels raid an enemy base in Dorvik.",
        "In chess, the champion captured his rival's queen in Dorvik.",
        "A new video game lets players call in airstrikes over a recreated Dorvik.",
        # a work named with its maker or its year is still one
        "In the HBO series, soldiers attack a village near Dorvik.",
        "In the 2022 film, rebels raid a base in Dorvik.",
        # or a part of one
        "In the new season of the drama series, special forces raid a compound in Dorvik.",
        "In the third series of the spy drama, agents kidnap a scientist in Dorvik.",
        # its author's, and under a title without quotes
        "In Victoria Hislop's new novel, paratroopers burn a village near Dorvik.",
        "In the spy drama Velmora Nights, now streaming, agents blow up a depot in Dorvik.",
        # a work or a game's map set somewhere
        "Gamers can now fight in a new map set in Dorvik.",
        "A film set in Dorvik shows soldiers storming a village.",
    ],
)
def test_a_story_a_film_or_a_game_tells_happened_nowhere(nlp, layers, text):
    assert _events(nlp, layers, text, ["Dorvik"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "In the north, rebels raided a base near Dorvik.",
        # what happened in the wake of a work is news
        "In the wake of the film, protesters attacked a cinema in Dorvik.",
        "In the opening of the game, fans clashed with police in Dorvik.",
        # a day's game and a numbered round of a match are news
        "In Sunday's game, rebels raided a base near Dorvik.",
        "In the second game, fans clashed with police in Dorvik.",
        # "set" of no work
        "Rebels set fire to a police station in Dorvik.",
    ],
)
def test_a_sentence_opening_with_a_place_s_part_is_still_news(nlp, layers, text):
    assert any(e.locations for e in _events(nlp, layers, text, ["Dorvik"]))


@pytest.mark.parametrize(
    "text",
    [
        "The new war movie, shot in Dorvik, opens next week.",
        "Supporters of the singer stormed the stage at a concert in Dorvik.",
        "The home side stormed to a 4-0 rout of the visitors in Dorvik.",
    ],
)
def test_filming_and_crowds_on_a_stage_are_no_attack(nlp, layers, text):
    assert not any(e.layer == "attacks" for e in _events(nlp, layers, text, ["Dorvik"]))


def _dated(pipeline, text: str, article_date: str = "2026-11-20"):
    doc = pipeline.nlp(text)
    return detect_events(
        doc, pipeline.locate(doc), layers=pipeline.layers, article_date=article_date,
        model=load_location_model(),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## Monday, 16 November\n\nRebels shelled the outskirts of Zorvan, the agency "
         "reported.", ("2026-11-16", "heading")),
        ("- **14 November:** A bus was ambushed near Zorvan, killing the driver.",
         ("2026-11-14", "heading")),
        # the deed's own words still date it
        ("## Monday, 16 November\n\nJets struck Kesra on Wednesday.",
         ("2026-11-18", "sentence")),
        # a deed told as planned keeps the article's day
        ("## Monday, 16 November\n\nThe ministers will meet in Kesra.",
         ("2026-11-20", "article")),
    ],
)  # fmt: skip
def test_a_timeline_s_heading_dates_the_deeds_under_it(pipeline, text, expected):
    (first, *_) = _dated(pipeline, text)
    assert (first.date, first.date_source) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Tuesday before the day the story was filed, not before the article's date
        ("ZORVAN, Nov 12 (Wire) - Gunmen attacked a checkpoint in Zorvan on Tuesday.",
         "2026-11-10"),
        ("Title\n\nZORVAN, Velmark, Nov 3 (Wire) - Gunmen attacked a checkpoint in Zorvan.",
         "2026-11-03"),
        # no dateline: the article's date anchors the weekday
        ("Gunmen attacked a checkpoint in Zorvan on Tuesday.", "2026-11-17"),
    ],
)  # fmt: skip
def test_a_dateline_s_day_anchors_the_story(pipeline, text, expected):
    (attack,) = [e for e in _dated(pipeline, text) if e.type == "attack"]
    assert attack.date == expected
    # an undated deed says its day is the dateline's, not the article's
    undated = "Tuesday" not in text
    assert attack.date_source == (
        "sentence" if not undated else "dateline" if "(Wire)" in text else "article"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Their last summit, held in Zorvan in July 2025, ended without a deal.", "2025-07"),
        ("The war ended with a truce signed in Zorvan in November 2022.", "2022-11"),
    ],
)
def test_a_date_on_the_event_noun_s_participle_dates_it(pipeline, text, expected):
    dates = {e.date for e in _dated(pipeline, text) if e.layer == "meetings"}
    assert dates == {expected}


def test_a_second_clause_of_the_same_kind_keeps_its_own_place(pipeline):
    text = (
        "Militiamen clashed with troops on the outskirts of Gondar on Tuesday, and "
        "fighting also broke out near Lalibela."
    )
    clashes = [e for e in _located(pipeline, text) if e.type == "armed_clash"]
    assert len(clashes) == 2 and all(e.locations for e in clashes)


def test_a_cache_of_grenades_is_no_explosion(pipeline):
    text = "Police seized a cache of rifles and grenades in Churachandpur on Monday."
    assert not any(e.layer == "explosions" for e in _located(pipeline, text))


def test_jets_breaking_the_sound_barrier_over_a_city_are_in_its_airspace(pipeline):
    text = "Israeli jets broke the sound barrier over Beirut on Thursday."
    assert "airspace" in _layers_at(_located(pipeline, text), text).get("Beirut", set())


def test_a_second_deed_with_its_own_subject_and_place_keeps_its_place(nlp, layers):
    text = "Three farmers were killed by gunmen in Dorvik and a trader was shot dead in Zorvan."
    town = Place("t:dor", "Dorvik", "XV", "city", Point(31.0, 31.0), 31.0, 31.0, Precision.EXACT)
    other = Place("t:zor", "Zorvan", "XV", "city", Point(31.5, 31.5), 31.5, 31.5, Precision.EXACT)
    events = _events(nlp, layers, text, ["Dorvik", "Zorvan"], {"Dorvik": town, "Zorvan": other})
    (killed,) = [e for e in events if e.trigger == "killed"]
    assert {text[loc.start : loc.end] for loc in killed.locations} == {"Dorvik"}


def test_a_region_known_by_its_point_holds_a_town_whose_outline_holds_that_point(nlp, layers):
    text = "In Velmark, police arrested three officials in Dorvik on Tuesday."
    region = Place("t:vel", "Velmark", "XV", "territory", Point(31.0, 31.0), 31.0, 31.0,
                   Precision.REGION, radius_km=80.0)  # fmt: skip
    town = Place("t:dor", "Dorvik", "XV", "admin1", box(30.9, 30.9, 31.1, 31.1), 31.02, 31.02,
                 Precision.REGION, radius_km=15.0)  # fmt: skip
    events = _events(nlp, layers, text, ["Velmark", "Dorvik"], {"Velmark": region, "Dorvik": town})
    assert _where(events, text)["arrest"] == {"Dorvik"}


def test_a_region_listed_with_towns_stays_a_site_of_its_own(nlp, layers):
    text = "Shells hit Dorvik, Azim and Velmark on Monday."
    region = Place("t:vel", "Velmark", "XV", "territory", Point(31.0, 31.0), 31.0, 31.0,
                   Precision.REGION, radius_km=80.0)  # fmt: skip
    dorvik = Place("t:dor", "Dorvik", "XV", "city", Point(31.1, 31.1), 31.1, 31.1, Precision.EXACT)
    azim = Place("t:azim", "Azim", "XV", "city", Point(31.2, 31.2), 31.2, 31.2, Precision.EXACT)
    places = {"Velmark": region, "Dorvik": dorvik, "Azim": azim}
    events = _events(nlp, layers, text, list(places), places)
    assert {"Dorvik", "Azim", "Velmark"} <= set().union(*_where(events, text).values())


@pytest.mark.parametrize(
    ("text", "layer"),
    [
        ("The visitors were shot down by a late header in Dorvik.", "shootdown_area"),
        ("Police officers in Dorvik took part in a charity march on Sunday.", "movements"),
        ("Police officers in Dorvik took part in a charity march on Sunday.", "protests"),
    ],
)
def test_sport_and_charity_are_no_conflict(nlp, layers, text, layer):
    assert layer not in {e.layer for e in _events(nlp, layers, text, ["Dorvik"])}


def test_a_march_on_a_day_marches_on_no_place(nlp):
    doc = nlp("Troops began a march on Sunday.")
    (march,) = [t for t in doc if t.lower_ == "march"]
    assert "march on" not in trigger_keys(march)


# Review of round 20's rules: sentences where each must not fire.


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # a country's own forces' base, and a host country's base with no other place
        ("Gunmen attacked a Kenya army base on Monday.", "Kenya"),
        ("Houthi drones targeted a Djibouti base used by foreign navies.", "Djibouti"),
        # an accusation made where the deed was
        ("In Kherson, Ukraine accused Russia of shelling residential areas.", "Kherson"),
        # lawyers storming a court, and a critic attacked outside his home
        ("Lawyers stormed the court in Lahore on Monday.", "Lahore"),
        ("The critic, attacked outside his home in Tbilisi, was hospitalised.", "Tbilisi"),
        # news that opens with a game or an episode, or names a game
        ("In Sunday's game, fans attacked police in Istanbul.", "Istanbul"),
        ("In the latest episode, gunmen attacked a convoy near Bunia.", "Bunia"),
        ("Gunmen attacked a video game arcade in Karachi, killing four.", "Karachi"),
    ],
)
def test_round_20_rules_leave_ordinary_news_its_place(pipeline, text, site):
    places = set().union(*_where(_located(pipeline, text), text).values())
    assert any(site in p for p in places), places


def test_a_seizure_after_the_fighting_was_where_the_fighting_was(pipeline):
    text = "M23 rebels captured Sake after the heavy fighting."
    assert "Sake" in _where(_located(pipeline, text), text).get("armed_clash", set())


def test_another_strike_by_workers_is_a_walkout(pipeline):
    text = (
        "Drones hit a refinery in Russia. Meanwhile, another strike by teachers shut Lagos schools."
    )
    assert not any(
        e.layer == "strike_sites"
        and any(text[loc.start : loc.end] == "Lagos" for loc in e.locations)
        for e in _located(pipeline, text)
    )


def test_a_town_near_the_described_after_a_region_narrows_it(pipeline):
    text = "Fighting raged in Darfur near the besieged El Fasher."
    assert "El Fasher" in set().union(*_where(_located(pipeline, text), text).values())


def test_a_village_called_by_name_in_a_province_is_the_site(pipeline):
    text = "Clashes broke out in a village called Teiba in Sudan's Gezira state."
    assert "Teiba" in _where(_located(pipeline, text), text).get("armed_clash", set())


def test_a_contest_battled_out_is_no_clash(nlp, layers):
    text = "A food festival in Dorvik saw chefs battle it out over the best onion soup."
    assert "clashes" not in {e.layer for e in _events(nlp, layers, text, ["Dorvik"])}


def test_a_route_the_talks_topic_runs_along_is_no_venue(pipeline):
    text = "Talks in Baghdad on Thursday on oil exports through Turkey's Ceyhan port ended."
    assert _where(_located(pipeline, text), text).get("meeting") == {"Baghdad"}


# Second review of round 20's rules.


@pytest.mark.parametrize(
    ("text", "type_id", "count"),
    [
        # the same clash told again, not a second one
        ("Heavy fighting erupted in Dorvik, and the clashes lasted for hours.", "armed_clash", 1),
        (
            "Troops clashed with rebels in Dorvik, and fighting continued overnight.",
            "armed_clash",
            1,
        ),
    ],
)
def test_a_clause_that_tells_the_same_event_again_is_no_second_event(
    nlp, layers, text, type_id, count
):
    events = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.type == type_id]
    assert len(events) == count


def test_a_deed_an_event_noun_does_in_a_second_clause_keeps_the_first_s_place(pipeline):
    text = "Rebels attacked the town of Djibo, and the attack killed 30 soldiers."
    assert "Djibo" in _where(_located(pipeline, text), text).get("killing", set())


@pytest.mark.parametrize(
    "text",
    [
        "The drone maker broke the billion-dollar sales barrier in Dorvik.",
        "A test pilot broke the sound barrier in a prototype jet over Dorvik.",
    ],
)
def test_only_military_jets_breaking_the_sound_barrier_are_in_an_airspace(nlp, layers, text):
    assert "airspace" not in {e.layer for e in _events(nlp, layers, text, ["Dorvik"])}


@pytest.mark.parametrize(
    ("text", "layer", "site"),
    [
        ("Rebels shot down a helicopter near Gao after it scored hits on their camp.",
         "shootdown_area", "Gao"),
        ("Police fired on Tuesday at protesters in Nairobi.", "attacks", "Nairobi"),
        ("Israeli jets struck Khan Younis on Monday. Another strike was reported in Rafah.",
         "strike_sites", "Rafah"),
    ],
)  # fmt: skip
def test_round_20_narrowings_keep_real_events(pipeline, text, layer, site):
    events = _located(pipeline, text)
    assert any(
        e.layer == layer and any(site in text[loc.start : loc.end] for loc in e.locations)
        for e in events
    ), [(e.type, e.layer) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "In Moscow, Russia accused Ukraine of shelling civilians.",
        "In Moscow, Russia accuses Ukraine of shelling civilians.",
    ],
)
def test_an_accusation_made_in_a_capital_is_not_where_the_deed_was(pipeline, text):
    assert "Moscow" not in set().union(*_where(_located(pipeline, text), text).values())


def test_fans_storming_a_field_attack_nothing(nlp, layers):
    text = "Fans stormed the field in Dorvik after the final whistle."
    assert "attacks" not in {e.layer for e in _events(nlp, layers, text, ["Dorvik"])}


@pytest.mark.parametrize(
    ("text", "kind", "not_site"),
    [
        ("Officials in Quetta said two rockets landed in the sea.", "projectile_impact", "Quetta"),
        ("Shots were fired on the border as protesters rallied in Yerevan.", "attack", "Yerevan"),
        ("Shells landed along the front line as leaders met in Paris.", "projectile_impact",
         "Paris"),
    ],
)  # fmt: skip
def test_an_event_at_an_unnamed_open_place_takes_no_town_of_another_clause(
    pipeline, text, kind, not_site
):
    """ "landed in the sea", "fired on the border": the town is the speakers' or the rally's."""
    found = _where(_located(pipeline, text), text)
    assert kind in found
    assert not_site not in found[kind]


def test_a_rally_beside_shots_on_the_border_keeps_its_town(pipeline):
    text = "Shots were fired on the border as protesters rallied in Yerevan."
    assert "Yerevan" in _where(_located(pipeline, text), text)["protest"]


def test_the_seat_of_a_government_that_reports_deaths_is_not_where_they_were(pipeline):
    text = (
        "Jets carried out strikes in Paktika province, according to the Taliban government "
        "in Kabul, which said 46 civilians were killed."
    )
    found = _where(_located(pipeline, text), text)
    assert "killing" in found
    assert "Kabul" not in found["killing"]


@pytest.mark.parametrize(
    ("text", "kind", "site", "in_place"),
    [
        ("Troops exchanged fire near Sotk, the first shooting since a deal was signed in "
         "Washington in August.", "attack", "Washington", False),
        ("At least 150 people have been killed since fighting broke out in Tripoli in April.",
         "killing", "Tripoli", True),
    ],
)  # fmt: skip
def test_a_since_clause_s_own_deed_keeps_its_place(pipeline, text, kind, site, in_place):
    """What time is counted from happened elsewhere; an outbreak is the same war's."""
    found = _where(_located(pipeline, text), text)
    assert (site in found.get(kind, set())) is in_place


def test_a_town_naming_a_summit_is_where_it_was(pipeline):
    text = "Leaders gathered for the Brasilia summit on Friday."
    assert "Brasilia" in _where(_located(pipeline, text), text)["meeting"]


def test_a_summit_ahead_is_planned_and_lends_its_town_to_nothing(pipeline):
    text = "Guyana reports a Venezuelan troop build-up near Lethem ahead of the Brasilia summit."
    events = _located(pipeline, text)
    summit = next(e for e in events if e.type == "meeting")
    assert summit.planned
    moves = [e for e in events if e.layer == "movements"]
    assert moves
    assert all("Brasilia" not in {text[loc.start : loc.end] for loc in e.locations} for e in moves)


@pytest.mark.parametrize(
    "text",
    [
        "A charity march through Dorvik raised money for the hospital.",
        "The comedy was shot in Dorvik last year.",
        "Reviewers praised the battle scenes filmed in Dorvik.",
        "The grandmaster won the title in Dorvik after a fierce battle with the champion.",
        "The two teams fought a fierce battle for the cup in Dorvik.",
    ],
)
def test_marches_shoots_and_battles_of_charity_film_and_sport_are_no_events(nlp, layers, text):
    assert not _events(nlp, layers, text, ["Dorvik"])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Soldiers fought a fierce battle for the town of Dorvik.", "armed_clash"),
        ("Thousands of protesters marched through Dorvik on Friday.", "protest"),
        ("Gunmen shot two policemen in Dorvik.", "attack"),
    ],
)
def test_real_battles_marches_and_shootings_stay_events(nlp, layers, text, kind):
    assert kind in {e.type for e in _events(nlp, layers, text, ["Dorvik"])}


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("The navy sent patrol boats to the mouth of the Dorvik river.", True),
        ("The army sent soldiers to Dorvik.", True),
        # a court's soldiers, and boats sent to save people, move no force
        ("A court sent two soldiers to prison in Dorvik.", False),
        ("Aid groups sent boats to rescue villagers near Dorvik.", False),
        ("The coast guard sent rescue boats to Dorvik.", False),
        ("The army sent boats to evacuate flood victims in Dorvik.", False),
    ],
)
def test_what_is_sent_somewhere_says_whether_a_force_moved(nlp, layers, text, moves):
    assert ("movements" in {e.layer for e in _events(nlp, layers, text, ["Dorvik"])}) is moves


@pytest.mark.parametrize(
    "text",
    [
        "The drone was shot down before it entered Dorvik airspace.",
        "Troops repelled the rebel column before it entered Dorvik.",
    ],
)
def test_what_an_interception_stopped_did_not_happen(nlp, layers, text):
    stopped = [
        e
        for e in _events(nlp, layers, text, ["Dorvik"])
        if text[e.trigger_start : e.trigger_end] == "entered"
    ]
    assert stopped
    assert all(e.denied for e in stopped)


def test_a_participle_in_a_planned_meeting_s_phrase_is_planned_too(nlp, layers):
    text = "Ministers are due to meet in Dorvik next month for talks on a truce, mediated by Qatar."
    events = _share_with_participles(list(_events(nlp, layers, text, ["Dorvik"])), nlp(text))
    mediated = [e for e in events if text[e.trigger_start : e.trigger_end] == "mediated"]
    assert mediated
    assert all(e.planned for e in mediated)


def test_a_list_the_scorer_takes_one_of_goes_with_it(pipeline):
    """The rules refused the list as one; the scorer's pick of one takes the others."""
    text = "More than 60 were killed, dozens injured as attacks rocked the cities of Homs and Hama."
    (killed,) = [
        e for e in _located(pipeline, text) if text[e.trigger_start : e.trigger_end] == "killed"
    ]
    assert {text[loc.start : loc.end] for loc in killed.locations} == {"Homs", "Hama"}


def test_fighting_that_broke_out_when_people_were_killed_was_where_they_died(pipeline):
    text = "At least 14 people were killed in the town of Raga when fighting erupted on Friday."
    assert "Raga" in _where(_located(pipeline, text), text)["armed_clash"]


def test_a_ship_s_offset_in_a_participle_of_the_same_deed_is_where_it_was_hit(pipeline):
    text = (
        "The Houthis fired two missiles at a tanker in the Red Sea, setting it ablaze about "
        "70 nautical miles west of Hodeidah."
    )
    (fired,) = [e for e in _located(pipeline, text) if e.type == "missile_launch"]
    assert [text[loc.start : loc.end] for loc in fired.locations] == [
        "70 nautical miles west of Hodeidah"
    ]


@pytest.mark.parametrize(
    ("text", "kind", "happened"),
    [
        # what an appositive says the named ship is
        ("The Houthis sank the Rubymar, a British-owned bulk carrier, near Dorvik.", "sinking",
         True),
        # a ship struck by a ship collided
        ("The Seawise, a Liberian-flagged tanker, was struck by a bulk carrier off Dorvik.",
         "strike_on_targets", False),
        ("The Seawise, a Liberian-flagged tanker, was struck by a drone off Dorvik.",
         "strike_on_targets", True),
    ],
)  # fmt: skip
def test_a_named_ship_is_what_its_appositive_says(nlp, layers, text, kind, happened):
    assert (kind in {e.type for e in _events(nlp, layers, text, ["Dorvik"])}) is happened


def _found(pipeline, text):
    """(type, trigger words, place names, planned, denied) of each event of ``text``."""
    return [
        (
            e.type,
            text[e.trigger_start : e.trigger_end],
            {text[loc.start : loc.end] for loc in e.locations},
            e.planned,
            e.denied,
        )
        for e in _located(pipeline, text)
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "places"),
    [
        # a seat's clause that points back to its town: the town is the place
        ("According to the government in Kyiv, which said Russian missiles struck the capital.",
         "struck", {"Kyiv"}),
        # a place the trigger's own clause gives stands beside an unnamed open place
        ("Near Kupiansk, shots were fired on the border.", "fired", {"Near Kupiansk"}),
        ("Russian shelling along the front line killed three civilians in Kherson region.",
         "shelling", {"Kherson region"}),
        # a toll "since" a deed counts the deaths the deed caused, where it was
        ("At least 30 people have been killed since police opened fire on protesters in "
         "Nairobi.", "killed", {"Nairobi"}),
        # "the first time … since" counts from a point elsewhere
        ("It was the first time troops entered Rafah since the ceasefire was signed in Cairo.",
         "entered", {"Rafah"}),
        # a town before the event's noun is the topic when the rules name a venue
        ("Thousands joined a Gaza solidarity march in London.", "march", {"London"}),
        ("The Dayton agreement was signed in Paris in 1995.", "agreement was signed",
         {"Paris"}),
    ],
)  # fmt: skip
def test_review_33_narrowings_keep_the_right_places(pipeline, text, trigger, places):
    found = [f for f in _found(pipeline, text) if f[1] == trigger]
    assert found and found[0][2] == places, _found(pipeline, text)


@pytest.mark.parametrize(
    ("text", "trigger", "planned", "denied"),
    [
        # another's deed "before", or what the downed thing did: it happened
        ("The army destroyed two tanks before the rebels seized Goma.", "seized", False, False),
        ("Ukraine shot down the drone before it crashed into a building in Kyiv.", "crashed",
         False, False),
        # an event "ahead of" which a relative clause tells as done
        ("Israel evacuated Metula ahead of the Hezbollah attack, which killed two.", "attack",
         False, False),
        # a past deed in a planned meeting's topic is no part of the meeting
        ("Ministers will meet in Brussels for talks on drones launched by Russia into Poland.",
         "launched", False, False),
    ],
)  # fmt: skip
def test_review_33_narrowings_keep_what_happened(pipeline, text, trigger, planned, denied):
    found = [f for f in _found(pipeline, text) if f[1] == trigger]
    assert found and (found[0][3], found[0][4]) == (planned, denied), _found(pipeline, text)


def test_a_past_deed_in_a_planned_meeting_s_topic_takes_not_its_town(pipeline):
    text = "Ministers will meet in Brussels for talks on drones launched by Russia into Poland."
    (launched,) = [f for f in _found(pipeline, text) if f[1] == "launched"]
    assert "Brussels" not in launched[2]


def test_a_town_before_a_noun_that_modifies_talks_is_their_topic(pipeline):
    text = "Israel and Hamas resumed Gaza ceasefire talks in Doha."
    where = _where(_located(pipeline, text), text)
    assert where.get("meeting") == {"Doha"}
    assert "Gaza" not in set().union(*where.values())


def test_an_event_a_past_story_was_ahead_of_is_no_plan(pipeline):
    text = "Hours ahead of the attack on the base, militants scouted the area near Gao."
    (attack,) = [f for f in _found(pipeline, text) if f[1] == "attack"]
    assert not attack[3]


@pytest.mark.parametrize(
    "text",
    [
        "Troops massed on the border ahead of next week's summit in Brasilia.",
        # told in the past, the summit is still what the massing was ahead of
        "Troops massed on the border ahead of the summit in Brasilia.",
    ],
)
def test_a_place_on_a_summit_ahead_is_the_summit_s_only(pipeline, text):
    found = _found(pipeline, text)
    (massed,) = [f for f in found if f[1] == "massed"]
    (summit,) = [f for f in found if f[1] == "summit"]
    assert "Brasilia" not in massed[2]
    assert summit[2] == {"Brasilia"}


def test_a_game_s_words_reach_a_battle_in_a_participle_of_its_clause(nlp, layers):
    text = (
        "Chess grandmaster Alireza Firouzja crushed his opponents in Dorvik, capturing the "
        "title after a fierce battle with the champion."
    )
    assert "armed_clash" not in {e.type for e in _events(nlp, layers, text, ["Dorvik"])}


def test_an_airspace_a_drone_was_stopped_before_reaching_is_not_drawn(pipeline):
    from layers.classify import ArticleInfo

    text = "The army said it intercepted the drone over the sea before it reached Israeli airspace."
    result = pipeline.process_text(text, info=ArticleInfo(id="a", date="2026-11-20"))
    assert not [e for e in result.events if e.layer == "airspace"]


@pytest.mark.parametrize(
    "text",
    [
        # the stoppers' own move, or one whose "they" could be theirs
        "Troops destroyed the bridge before they crossed into Dorvik.",
        "The rebels destroyed two checkpoints before they entered Dorvik.",
        # no interception: the convoy stopped by itself
        "The convoy stopped at a checkpoint before it entered Dorvik.",
    ],
)
def test_a_move_after_a_stop_that_stopped_nothing_happened(nlp, layers, text):
    moves = [e for e in _events(nlp, layers, text, ["Dorvik"]) if e.layer == "movements"]
    assert moves
    assert not any(e.denied for e in moves)


@pytest.mark.parametrize(
    ("text", "layer", "happened"),
    [
        # bombarded with what no gun fires
        ("The bakery in Dorvik was bombarded with orders over the weekend.", "strike_sites", False),
        ("Government forces bombarded Dorvik with artillery and rockets.", "strike_sites", True),
        ("Dorvik was bombarded with a hail of shells on Monday.", "strike_sites", True),
        # a weapon no list holds, or a "with" that names no weapon at all
        ("Russian forces bombarded Dorvik with Grad rockets overnight.", "strike_sites", True),
        ("Rebels bombarded Dorvik with impunity on Tuesday.", "strike_sites", True),
        ("Israeli forces bombarded Dorvik with little warning.", "strike_sites", True),
        # a crowd or a dish that explodes with joy or flavour
        ("The stadium in Dorvik exploded with joy.", "explosions", False),
        ("A car exploded with a loud bang in central Dorvik.", "explosions", True),
        ("The truck exploded with a loud noise in Dorvik.", "explosions", True),
        # fans on the pitch, tourists and students in a city
        ("Fans in Dorvik invaded the pitch, and police arrested two supporters.",
         "attacks", False),
        # armed men who invade the grounds of a palace attack it
        ("Rebels invaded the grounds of the presidential palace in Dorvik.", "attacks", True),
        ("Tourists visited Dorvik on Tuesday.", "meetings", False),
        ("A school group from Ohio visited Dorvik on Monday.", "meetings", False),
        ("The foreign minister visited Dorvik on Monday.", "meetings", True),
    ],
)  # fmt: skip
def test_a_word_of_war_or_diplomacy_in_another_sense_is_no_event(
    nlp, layers, text, layer, happened
):
    events = _events(nlp, layers, text, ["Dorvik"])
    assert any(e.layer == layer and e.locations for e in events) == happened, [
        (e.type, e.layer) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # an undersea cable cut, a railway sabotaged: sabotage where it was done
        ("Saboteurs cut an undersea cable off Dorvik.", {"sabotage"}),
        ("A data cable near Dorvik was severed on Thursday.", {"sabotage"}),
        ("Unknown attackers sabotaged the railway line near Dorvik.", {"sabotage"}),
        # what a storm cuts, and a charge of sabotage, are none
        ("A storm severed a power cable near Dorvik.", set()),
        ("Police detained two men suspected of sabotage in Dorvik.", {"arrest"}),
        # a ship detained in port is seized, not arrested; a mail carrier is arrested
        ("Coast guard officers detained a tanker in the port of Dorvik.", {"seizure"}),
        ("Police detained a mail carrier in Dorvik for distributing leaflets.", {"arrest"}),
    ],
)
def test_a_cable_cut_and_a_ship_detained_are_events_where_told(nlp, layers, text, types):
    events = _events(nlp, layers, text, ["Dorvik"])
    assert {e.type for e in events if e.locations} == types


def test_where_another_verb_headed_is_not_where_the_event_happened(pipeline):
    text = (
        "A drone violated the airspace for approximately five minutes near Chelm before "
        "leaving in the direction of Belarus."
    )
    (violation,) = [f for f in _found(pipeline, text) if f[0] == "airspace_violation"]
    assert violation[2] == {"near Chelm"}


def test_a_front_s_direction_is_where_its_fighting_was(pipeline):
    # "the Pokrovsk direction" is a sector of the front, where the clashes were
    text = "Ukrainian forces recorded 40 clashes in the direction of Pokrovsk."
    (clashes,) = [f for f in _found(pipeline, text) if f[0] == "armed_clash"]
    assert clashes[2] == {"Pokrovsk"}


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        ("A new round of negotiations is expected to be held in Oslo.", True),
        ("It is expected that a new round of consultations will be held in Amman.", True),
        ("A new round of negotiations was held in Oslo on Monday.", False),
    ],
)
def test_a_round_of_talks_ahead_is_planned(pipeline, text, planned):
    (talks,) = [f for f in _found(pipeline, text) if f[0] == "meeting"]
    assert talks[3] == planned


@pytest.mark.parametrize(
    ("text", "event", "place", "not_place"),
    [
        # a "while" clause that opens on a place of its own sets its scene apart
        ("In Haifa, hundreds marched on Monday, and police detained eight protesters who "
         "blocked a road, while in Nazareth the council met.", "arrest", "Haifa", "Nazareth"),
        # "in Paris ministers met": where the ministers met, not whose ministers they were
        ("In Lyon, workers marched on Monday and police arrested five people who blocked a "
         "bridge, while in Paris ministers met.", "meeting", "Paris", "Lyon"),
    ],
)  # fmt: skip
def test_a_clause_of_contrast_keeps_its_own_place(pipeline, text, event, place, not_place):
    where = _where(_located(pipeline, text), text)
    assert place in where.get(event, set())
    assert not_place not in where.get(event, set())


@pytest.mark.parametrize(
    ("text", "happened"),
    [
        # what protesters are like, or do as a rule, happened nowhere
        ("In Kenya, protesters tend to be young.", False),
        ("In Georgia, demonstrators usually wave EU flags.", False),
        # a headline's present tense tells an event
        ("Protesters storm parliament in Tbilisi.", True),
        # what an event is generally seen as does not undo it
        ("The protest in Tbilisi is generally seen as a turning point.", True),
        # a deed done as a rule still happens where it is told
        ("Protesters usually march through central Tbilisi on Fridays.", True),
    ],
)
def test_a_habit_or_a_trait_is_no_event(pipeline, text, happened):
    found = [f for f in _found(pipeline, text) if f[0].startswith("protest")]
    assert any(f[2] for f in found) == happened, found


@pytest.mark.parametrize(
    ("text", "planned"),
    [
        # what a colon lists after a forecast is foreseen, not done
        ("For now, the most likely outcome is more of the same: balloons over Seoul, shells "
         "into the Yellow Sea, and diplomats urging calm.", True),
        ("Expect more of the same: rockets on Sderot and protests in Tel Aviv.", True),
        # a colon after a judgement lists what happened, and so does one after a
        # forecast that tells a deed in the past
        ("The outcome was devastating: shells hit the market in Kherson.", False),
        ("The death toll is likely to rise: 40 people were killed in Dnipro.", False),
        ("Expect delays: protesters blocked the main road in Lagos.", False),
    ],
)  # fmt: skip
def test_events_listed_after_a_forecast_are_foreseen(pipeline, text, planned):
    found = [f for f in _found(pipeline, text) if f[2]]
    assert found and all(f[3] == planned for f in found), found


@pytest.mark.parametrize(
    ("text", "event", "places"),
    [
        # a river only says where the town on it lies
        ("Three bridges in Novi Sad over the Danube were destroyed.", "destruction",
         {"Novi Sad"}),
        ("A truck bomb exploded on a bridge over the Tigris River in Baghdad.", "explosion",
         {"Baghdad"}),
        # nor the county it runs through, where debris fell across it (tester round 36, F4)
        ("Debris fell across the Danube in Romania's Tulcea county, the defence ministry said.",
         "projectile_impact", {"Tulcea"}),
    ],
)  # fmt: skip
def test_a_river_that_holds_the_town_is_no_site_of_its_own(pipeline, text, event, places):
    where = _where(_located(pipeline, text), text)
    assert where.get(event) == places


@pytest.mark.parametrize(
    ("text", "event", "river"),
    [
        # a country, a region or a sea the river runs through does not replace it
        ("Turkish drones hit a bridge over the Euphrates in northern Syria.", "strike",
         "Euphrates"),
        ("Drones attacked ships on the Danube and in the Black Sea.", "heavy_weapons_attack",
         "Danube"),
        # a river crossed is where the crossing was
        ("Syrian government troops crossed the Euphrates near Raqqa.", "movement",
         "Euphrates"),
    ],
)  # fmt: skip
def test_a_river_with_no_town_on_it_or_crossed_stays(pipeline, text, event, river):
    assert river in _where(_located(pipeline, text), text).get(event, set())


@pytest.mark.parametrize(
    "text",
    [
        # what a film or a book is about is its story, not the news
        "Reviewers loved the new drama about a nurse kidnapped in Bogota.",
        "A documentary about the shelling of Mostar opened the festival in Zagreb.",
        # a work's quoted title between its kind and the comma, inside the quotes or not
        'In the new novel "Winter over Tallinn", tanks invade Estonia and seize Narva.',
        'In the new novel "Winter over Tallinn," tanks invade Estonia and seize Narva.',
        # what a war game, a film or an exercise plays out "in which"
        "A think tank published a war game in which Russian troops seize the Suwalki Gap.",
        "The film, in which rebels storm a base in Kabul, opened on Friday.",
        # "sanctions" that only qualify a debate report no diplomatic action
        "The sanctions debate has moved away from Moscow.",
    ],
)
def test_an_event_a_work_tells_is_no_event(pipeline, text):
    assert _located(pipeline, text) == [], [e.type for e in _located(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a verb of filming, booking or playing is no work, nor is a report
        ("Soldiers were filmed on video shooting civilians in Bucha.", "Bucha"),
        ("Police booked the suspects on charges of attacking a patrol in Srinagar.", "Srinagar"),
        ("A report on the attack in Kharkiv was published on Monday.", "Kharkiv"),
        # a house "in which" gunmen killed is no work
        ("Police found the house in which gunmen killed two men in Kharkiv.", "Kharkiv"),
        # nor is a protest at a film
        ('In protest at the film "Zorvan", crowds stormed the embassy in Cairo.', "Cairo"),
        # a place in, not the object of, what the target might do is still the site
        ("An airstrike hit a school that could shelter hundreds of families in Gaza City.",
         "Gaza City"),
    ],
)  # fmt: skip
def test_news_near_those_shapes_stays_news(pipeline, text, place):
    events = [e for e in _located(pipeline, text) if not e.planned]
    assert place in set().union(*_where(events, text).values()), events


def test_an_infinitive_hung_on_a_threat_as_a_purpose_is_planned(pipeline):
    # the parse makes "to widen" a purpose clause of "threatened", not its complement
    text = "The commander threatened in a televised address from Goma to widen attacks to Bukavu."
    attacks = [e for e in _located(pipeline, text) if e.type == "attack"]
    assert attacks and all(e.planned for e in attacks), attacks


def test_a_purpose_after_a_deed_done_is_done(pipeline):
    text = "Protesters set fire to tyres in Nairobi to protest the killing of a teacher."
    events = _located(pipeline, text)
    assert any(e.layer == "protests" for e in events), events
    assert not any(e.planned for e in events), [(e.type, e.planned) for e in events]


def test_a_place_in_what_a_target_might_do_is_no_site(pipeline):
    text = "Jets destroyed launchers that could reach Haifa, the army said."
    placed = set().union(*_where(_located(pipeline, text), text).values())
    assert "Haifa" not in placed, placed


def test_a_participle_goes_on_from_its_own_deed_not_a_third(pipeline):
    # "killing" goes on from the bombing in Magway, not from the capture of Lashio
    text = (
        "Rebels said they had captured Lashio, while jets bombed two villages in Magway "
        "Region, killing nine civilians."
    )
    killings = [e for e in _located(pipeline, text) if e.type == "killing"]
    placed = {text[loc.start : loc.end] for e in killings for loc in e.locations}
    assert killings and "Lashio" not in placed, placed


def _at_trigger(events, text: str, trigger: str) -> set[str]:
    """The places of the event whose trigger is the word ``trigger``."""
    return {
        text[loc.anchor_start : loc.anchor_end]
        for event in events
        if text[event.trigger_start : event.trigger_end] == trigger
        for loc in event.locations
    }


@pytest.mark.parametrize(
    ("text", "first", "place", "elsewhere"),
    [
        (
            "Drones struck an oil terminal south of Novorossiysk, and hit a radar station "
            "outside Anapa.",
            "struck",
            "Novorossiysk",
            "Anapa",
        ),
        (
            "Shells struck a water plant east of Bakhmut, and hit a school outside Toretsk.",
            "struck",
            "Bakhmut",
            "Toretsk",
        ),
    ],
)
def test_a_deed_of_the_same_kind_with_its_own_object_keeps_its_place(
    pipeline, text, first, place, elsewhere
):
    places = _at_trigger(_located(pipeline, text), text, first)
    assert place in places and elsewhere not in places


@pytest.mark.parametrize(
    ("text", "first", "place", "elsewhere"),
    [
        (
            "Ukrainian drones attacked military sites overnight, including an air base "
            "near Engels, and struck a refinery outside Ryazan.",
            "attacked",
            "Engels",
            "Ryazan",
        ),
        (
            "Rebel gunners shelled army posts, including a camp outside Kidal, and hit a "
            "convoy near Gao.",
            "shelled",
            "Kidal",
            "Gao",
        ),
    ],
)
def test_a_site_named_by_including_is_one_of_the_sites_hit(pipeline, text, first, place, elsewhere):
    places = _at_trigger(_located(pipeline, text), text, first)
    assert place in places and elsewhere not in places


def test_people_named_by_including_are_no_site_and_a_deed_without_a_place_shares(pipeline):
    # people it names are no sites: where they came from is not where they died
    text = "Gunmen killed six villagers, including two traders from Zorvan."
    assert not _at_trigger(_located(pipeline, text), text, "killed")
    # two deeds with their objects, the first naming no place: one place for both
    text = "Gunmen killed three soldiers and wounded four civilians in Mopti."
    assert "Mopti" in _at_trigger(_located(pipeline, text), text, "killed")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the parse hangs the strikes' own "on" phrase on the verb that judges them
        ("The ministry condemned the shelling on Kupiansk.", "Kupiansk"),
        ("The ministry denounced the air raids on villages near Idlib.", "Idlib"),
    ],
)
def test_a_judged_attack_keeps_its_own_target_however_the_parse_hangs_it(pipeline, text, place):
    events = _located(pipeline, text)
    assert any(
        e.layer == "strike_sites"
        and place in {text[loc.anchor_start : loc.anchor_end] for loc in e.locations}
        for e in events
    )


def test_a_strike_that_hits_an_apartment_block_is_an_attack_not_a_walkout(pipeline):
    text = "A Russian strike hit an apartment block in Sumy on Sunday."
    assert "Sumy" in _at_trigger(_located(pipeline, text), text, "strike hit")
    for text in (
        "The dockers' strike hit port traffic in Antwerp.",
        "The strike hit apartment sales in Madrid.",
    ):
        assert not _located(pipeline, text)


def test_an_undated_article_takes_a_dateline_that_writes_its_year(pipeline):
    text = (
        "ZORVAN, Velmark, 12 March 2025 (Wire) - Gunmen attacked a checkpoint in Zorvan "
        "on Tuesday.\n\nGunmen killed two soldiers near Kesra."
    )
    events = _dated(pipeline, text, article_date=None)
    dates = {e.trigger: (e.date, e.date_source) for e in events}
    assert dates["attacked"] == ("2025-03-11", "sentence")
    assert any(d == ("2025-03-12", "dateline") for d in dates.values())
    # a dateline without its year says nothing of an undated article's day
    text = "ZORVAN, Velmark, Nov 3 (Wire) - Gunmen attacked a checkpoint in Zorvan on Tuesday."
    assert all(e.date is None for e in _dated(pipeline, text, article_date=None))


@pytest.mark.parametrize(
    ("text", "killing"),
    [
        # a ministry's word for fighters killed or taken
        ("Security forces neutralised six militants near Qamishli.", True),
        ("Commandos neutralized four terrorists in a raid on Tuesday.", True),
        # a bomb made safe is no one killed
        ("Sappers neutralised a bomb near the market.", False),
    ],
)
def test_fighters_neutralised_are_casualties(nlp, layers, text, killing):
    assert _reports(nlp, layers, text, "killing") is killing


@pytest.mark.parametrize(
    ("text", "first", "place"),
    [
        # where those it befell came from is no place of the first deed's own
        ("Bandits kidnapped a trader from Kaduna and abducted three farmers in Zaria.",
         "kidnapped", "Zaria"),
        ("Rebels attacked a column of soldiers from Goma and ambushed a patrol near "
         "Rutshuru.", "attacked", "Rutshuru"),
    ],
)  # fmt: skip
def test_a_place_people_came_from_does_not_keep_a_conjoined_deed_s_place(
    pipeline, text, first, place
):
    assert place in _at_trigger(_located(pipeline, text), text, first)


def test_whom_an_attack_is_blamed_on_is_no_place_of_it(pipeline):
    text = "Baku blamed the shelling on Armenia."
    events = _located(pipeline, text)
    assert events and all(not e.locations for e in events)


def test_a_strike_that_hits_a_works_complex_is_a_walkout(pipeline):
    assert not _located(pipeline, "The strike hit the steel complex in Taranto.")


def test_a_deed_done_by_whoever_a_threat_names_stays_done(pipeline):
    text = "The army will punish anyone who attacked the convoy near Kidal last week."
    (attack,) = [e for e in _located(pipeline, text) if e.trigger == "attacked"]
    assert not attack.planned


def test_people_denied_entry_are_no_denied_deed(pipeline):
    text = "Officials denied protesting students entry to the campus in Dhaka."
    assert all(not e.denied for e in _located(pipeline, text))


@pytest.mark.parametrize(
    ("text", "destruction"),
    [
        # tyres burnt to block a road are a protest's, no one's property destroyed
        ("Farmers sealed off the highway near Ludhiana with burning tyres.", False),
        ("Burning buildings lit up Khartoum overnight.", True),
    ],
)
def test_burning_tyres_at_a_blockade_destroy_no_property(nlp, layers, text, destruction):
    assert _reports(nlp, layers, text, "destruction") is destruction


def test_who_names_what_was_done_is_no_place_of_it(pipeline):
    text = (
        "Drones hit a fuel depot near Belgorod, injuring three workers, in what Moscow "
        "called a terrorist attack."
    )
    places = {
        text[loc.anchor_start : loc.anchor_end]
        for e in _located(pipeline, text)
        for loc in e.locations
    }
    assert "Moscow" not in places and "Belgorod" in places


def test_an_accord_that_ends_a_war_is_placed_where_it_was_made_not_in_the_war(pipeline):
    text = "The Arusha agreement ended the civil war in Burundi."
    where = {
        text[loc.anchor_start : loc.anchor_end]
        for e in _located(pipeline, text)
        if e.layer == "meetings"
        for loc in e.locations
    }
    assert "Burundi" not in where and "Arusha" in where
    text = "Talks ended in Doha on Friday."
    assert "Doha" in _at_trigger(_located(pipeline, text), text, "Talks ended")


@pytest.mark.parametrize(
    ("text", "movement"),
    [
        ("Two frigates approached the coast near Tartus on Friday.", True),
        ("A cruise ship approached the coast of Crete.", False),  # no force
    ],
)
def test_warships_approaching_a_coast_move(nlp, layers, text, movement):
    assert _reports(nlp, layers, text, "movement") is movement


def test_a_nearby_village_told_beside_another_is_a_site_of_its_own(pipeline):
    # the nearby town lies beside the first, not inside it: neither is the other's
    # wider place, and both are where the attacks were
    text = (
        "Rebels repelled attacks on the towns of Zorvanek and the nearby town of Qarvel "
        "in rural Homs, Syrian activists said."
    )
    assert _where(_located(pipeline, text), text)["attack"] == {"Zorvanek", "Qarvel"}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # met at a gathering: on its sidelines is no topic, and its town hosts it
        ("Ministers met on the sidelines of the Tbilisi Security Forum on Saturday.",
         {"Tbilisi"}),
        ("Leaders met on the margins of a summit in Astana on Friday.", {"Astana"}),
        # the countries of the ministers met are no venue, the second of a list neither
        ("The envoy held a meeting with the Foreign Ministers of Armenia and Azerbaijan on "
         "Friday.", set()),
        # but a town after a firm's name in a list is a venue of its own
        ("Envoys met at the Bank of Georgia and in Tbilisi on Friday.", {"Tbilisi"}),
    ],
)  # fmt: skip
def test_a_meeting_at_a_gathering_is_where_it_met(pipeline, text, where):
    assert _where(_located(pipeline, text), text).get("meeting", set()) == where


def test_going_home_after_talks_abroad_is_no_trip_for_talks(nlp, layers):
    text = (
        "The minister will travel to Alvora on Sunday for talks, before returning to Dorvik "
        "on Monday."
    )
    where = _where(_events(nlp, layers, text, ["Alvora", "Dorvik"]), text)
    assert where["travel_for_talks"] == {"Alvora"}
    assert "Dorvik" not in where.get("meeting", set())


@pytest.mark.parametrize(
    ("text", "type_id", "site"),
    [
        # the share of a force sent says what was sent
        ("The army sent a large number of reinforcements to Dorvik.", "movement", "Dorvik"),
        ("Kyiv sent hundreds of troops to Dorvik on Monday.", "movement", "Dorvik"),
    ],
)
def test_sending_a_share_of_a_force_is_a_movement(nlp, layers, text, type_id, site):
    assert site in _where(_events(nlp, layers, text, [site]), text).get(type_id, set())


@pytest.mark.parametrize(
    ("text", "type_id", "names"),
    [
        # what remains of a town: nobody left it
        ("They fought on for what was left of Dorvik.", "journey", ["Dorvik"]),
        # "of one's own accord", "in accord with": no accord was made
        ("He left Dorvik of his own accord.", "agreement", ["Dorvik"]),
        ("The troops acted in accord with the law in Dorvik.", "agreement", ["Dorvik"]),
    ],
)
def test_other_senses_of_left_and_accord_are_no_events(nlp, layers, text, type_id, names):
    assert type_id not in {e.type for e in _events(nlp, layers, text, names)}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # near a town, written "close to": there
        ("Troops destroyed 14 rebel bunkers close to Jaffna on Sept. 10, killing 70 "
         "guerrillas.", {"Jaffna"}),
        # those led to do it do it: who acts, not where
        ("The incident led Mali, Burkina Faso and Niger to recall their ambassadors from "
         "Algiers on 6 April.", set()),
    ],
)  # fmt: skip
def test_near_to_and_led_to(pipeline, text, where):
    found = _where(_located(pipeline, text), text)
    assert {n.removeprefix("close to ") for n in set().union(set(), *found.values())} == where


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("A few hundred people gathered at the bridge in Dorvik, waving flags against "
         "the closures.", True),
        ("Relatives gathered outside the police station in Dorvik to demand news.", True),
        # mourners, onlookers and officials who gather do not protest
        ("Mourners gathered in Dorvik for the funeral.", False),
        ("Thousands gathered in Dorvik to watch the parade.", False),
        ("Ministers gathered in Dorvik against the backdrop of war.", False),
    ],
)  # fmt: skip
def test_a_crowd_gathered_with_a_demand_protests(nlp, layers, text, protest):
    events = _events(nlp, layers, text, ["Dorvik"])
    assert any(e.layer == "protests" for e in events) is protest


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        # a reporter or an inspector who visits a town meets no counterpart
        ("A BBC journalist visited Dorvik last autumn on a government-organised tour.",
         "meeting"),
        ("Inspectors who visited Dorvik in August found the wing overcrowded.", "meeting"),
        # a battle staged for show, a club's shopping
        ("In Dorvik, re-enactors practised for October's annual battle show.", "armed_clash"),
        ("Leeds raided the transfer market again, signing a Dorvik winger.", "attack"),
        # a jail is a place, not an arrest
        ("A series of massacres made the jails of Dorvik the deadliest in the region.",
         "arrest"),
    ],
)  # fmt: skip
def test_visits_shows_and_jails_that_report_no_event(nlp, layers, text, type_id):
    assert type_id not in {e.type for e in _events(nlp, layers, text, ["Dorvik"])}


def test_one_sent_to_jail_was_arrested(pipeline):
    text = "The journalist was sent to jail in Kabul."
    assert "Kabul" in _where(_located(pipeline, text), text)["arrest"]


@pytest.mark.parametrize(
    ("text", "type_id", "site"),
    [
        # the review of round 33: what these rules must leave alone
        ('"We visited Kyiv to show our support," Macron told reporters.', "meeting", "Kyiv"),
        ("Right-wingers attacked a hotel housing asylum seekers in Rotherham.", "attack",
         "Rotherham"),
        ("Dozens of protesters were thrown in jail in Baku after the rally.", "arrest", "Baku"),
        ("Mayor Vitali Klitschko of Kyiv said drones struck three buildings.", "strike",
         "Kyiv"),
        ("Israeli forces killed Ahmed Abu Salah of Jenin during a raid on Tuesday.",
         "killing", "Jenin"),
    ],
)  # fmt: skip
def test_leaders_visits_far_right_attacks_jailings_and_office_holders_keep_their_place(
    pipeline, text, type_id, site
):
    assert site in _where(_located(pipeline, text), text).get(type_id, set())


@pytest.mark.parametrize(
    ("text", "type_id"),
    [
        ("Austria captured the Nations Cup at the finals in Vienna on Friday.", "arrest"),
        ("Families gathered in metro stations as Russia launched a massive attack against "
         "Kyiv.", "protest_gathering"),
        ("Thousands of fans gathered in Buenos Aires waving flags to celebrate the World Cup "
         "win.", "protest_gathering"),
        ("Thousands of pilgrims gathered in Karbala for Arbaeen, carrying banners.",
         "protest_gathering"),
        ("Villagers gathered to defend the town against bandits in Zamfara.",
         "protest_gathering"),
    ],
)  # fmt: skip
def test_trophies_and_crowds_that_shelter_celebrate_or_pray_are_no_arrest_or_protest(
    pipeline, text, type_id
):
    assert type_id not in {e.type for e in _located(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a rule of how things go: no deed on a day
        ("Whenever rockets hit Dorvik, residents run to shelters.", False),
        ("Every time the army shells Dorvik, prices rise.", False),
        ("Each time there's a shooting in Dorvik, the treaty gets harder to sell.", False),
        # a deed told once, or day after day
        ("Rockets hit Dorvik every day last week.", True),
        ("The army shelled Dorvik this time with heavy guns.", True),
    ],
)  # fmt: skip
def test_what_happens_each_time_is_no_event(nlp, layers, text, reported):
    events = _events(nlp, layers, text, ["Dorvik"])
    assert any(e.layer in ("strike_sites", "attacks") for e in events) is reported


@pytest.mark.parametrize(
    ("text", "trigger", "site"),
    [
        # the shooting's place came through the killing it is joined to, which took it
        # from the "when" clause: sharing goes on from what was shared
        ("Also on Sunday, Israeli troops shot and killed a 15-year-old boy when they "
         "opened fire on a group of youths hurling stones in the West Bank village of "
         "Beit Ummar near Hebron, according to Palestinian medics.", "shot", "Beit Ummar"),
        # the participle's verb tells no event; its subject, the bomber, does
        ("A suicide bomber drove a car into a Mogadishu cafe popular with soldiers on "
         "Friday, killing at least six people and wounding eleven.", "killing", "Mogadishu"),
        # one addresses a rally where it is held: no topic
        ("The mayor was shot dead while addressing a campaign rally in the market town "
         "of Sopore last week.", "shot dead", "Sopore"),
        # the participle's verb tells no event; its object, the attacks, does
        ("Militants unleashed two days of attacks in the Bunia district, killing 23 "
         "villagers.", "killing", "Bunia"),
        ("A dispute over grazing land erupted into a gunfight in Mopti, killing nine "
         "people.", "killing", "Mopti"),
    ],
)
def test_a_deed_takes_the_place_of_the_deed_or_the_gathering_it_was_part_of(
    pipeline, text, trigger, site
):
    (event,) = [e for e in _located(pipeline, text) if e.trigger == trigger]
    assert {text[loc.start : loc.end] for loc in event.locations} == {site}, event


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday the police and the gangs have exchanged shots in Zorvanek.",
        "Police and gunmen exchanged gunfire near the market in Zorvanek.",
    ],
)
def test_shots_or_gunfire_exchanged_are_a_clash(nlp, layers, text):
    where = _where(_events(nlp, layers, text, ["Zorvanek"]), text)
    assert where.get("armed_clash") == {"Zorvanek"}


def test_a_participle_that_takes_its_subject_s_place_takes_its_date_too(pipeline):
    text = "An explosion in Beirut port in 2020 devastated the city, killing more than 200."
    events = _located(pipeline, text, article_date="2025-06-16")
    (killing,) = [e for e in events if e.trigger == "killing"]
    assert killing.locations and killing.date == "2020", killing


def test_a_side_that_torches_another_for_points_burns_nothing(nlp, layers):
    text = "In the final, Kano's guards torched Lagos for 70 points in the second half."
    assert not {e.layer for e in _events(nlp, layers, text, ["Lagos"])} & {"attacks"}
    # a building torched still burned
    text = "Rioters torched a police station in Lagos on Monday."
    assert any(e.trigger == "torched" for e in _events(nlp, layers, text, ["Lagos"]))


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen laid siege on a police station in Zorvanek local government in Kaduna State, "
        "killing two officers.",
        "Insurgents killed eight people in the Zorvanek Local Government Area of Yobe State.",
    ],
)
def test_a_local_government_area_is_where_it_happened_not_its_state(pipeline, text):
    where = _where(_located(pipeline, text), text)
    sites = set().union(*where.values())
    assert "Zorvanek" in sites and not any("State" in s for s in sites), where


def test_a_local_government_that_speaks_is_no_place_of_the_event(pipeline):
    text = "The Zorvanek local government said gunmen attacked Gwoza on Monday."
    where = _where(_located(pipeline, text), text)
    assert "Zorvanek" not in set().union(*where.values()), where


def test_where_people_fled_after_strikes_is_no_strike_site(pipeline):
    # the tagger reads "strikes" after "after" as a verb; it still only dates the flight
    # (tester round 35, F4)
    text = (
        "The army said some fighters fled across the border into Niger after the air "
        "strikes, according to a local official."
    )
    where = _where(_located(pipeline, text), text)
    assert "Niger" in where.get("journey", set()) and not where.get("air_strike"), where


@pytest.mark.parametrize(
    ("text", "type_id", "there"),
    [
        # (tester round 35, F10)
        ("Forces loyal to the commander moved armoured vehicles from Kutar into Zorvan.",
         "movement", True),
        ("The agency convened a donor briefing in Zorvan on Friday.", "meeting", True),
        # vehicles moved by no force went nowhere with one
        ("Residents moved vehicles off the road in Zorvan.", "movement", False),
        # a convoy of protesters, and a speaker's briefing of reporters (review of session 46)
        ("Police moved the convoy of protesters away from parliament in Zorvan.", "movement",
         False),
        ("The ministry held a briefing for reporters in Zorvan on Friday.", "meeting", False),
        # a convoy of what a force moves is that force's (review of session 47, 8)
        ("The army moved a convoy of tanks into Zorvan.", "movement", True),
        ("The navy sent a flotilla of warships to Zorvan.", "movement", True),
        # (tester round 38, F4) a force's column, and its armoured vehicles crossing
        ("The army moved an armoured column from Kutar to Zorvan on Monday.", "movement",
         True),
        ("Turkish armoured vehicles crossed into Zorvan province on Monday.", "movement",
         True),
        ("Aid vehicles crossed into Zorvan province on Monday.", "movement", False),
    ],
)  # fmt: skip
def test_vehicles_a_force_moved_and_a_briefing_convened_are_events(
    nlp, layers, text, type_id, there
):
    names = [n for n in ("Kutar", "Zorvan") if n in text]
    where = _where(_events(nlp, layers, text, names), text)
    assert ("Zorvan" in where.get(type_id, set())) is there, where


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed five in Kafr Zorvan, in Idlib province, and two in Saraqib.",
        "Jets struck Zorvanek, in Idlib province, and a market in Saraqib on Monday.",
    ],
)
def test_a_village_drawn_as_its_province_holds_no_town_of_its_sentence(pipeline, text):
    # the unknown village is drawn as the province's outline, but it lies
    # somewhere in there: Saraqib is no part of it, and both are sites
    (event,) = _located(pipeline, text)
    assert {text[loc.start : loc.end] for loc in event.locations} >= {"Saraqib"}
    assert len(event.locations) == 2


def test_a_taking_told_done_after_an_attempt_is_not_planned(pipeline):
    # (review of session 47, 6) the parse joins "seized" to "tried"
    text = "Rebels tried to capture Zorvan but seized the nearby town of Kesra instead."
    events = [e for e in _located(pipeline, text) if e.type == "seizure"]
    assert {e.trigger.split()[-1]: e.planned for e in events} == {"capture": True, "seized": False}


def test_a_taking_told_in_the_past_perfect_after_an_attempt_is_not_planned(pipeline):
    # (the review of session 48, 16)
    text = "The rebels tried to capture Zorvan and had seized the town of Kesra by evening."
    events = [e for e in _located(pipeline, text) if e.type == "seizure"]
    assert {e.trigger.split()[-1]: e.planned for e in events} == {"capture": True, "seized": False}


@pytest.mark.parametrize(
    "text",
    [
        "The army held a briefing in Kyiv on the attack.",
        "The minister gave a statement in Kyiv about the attack.",
    ],
)
def test_a_briefing_s_town_is_not_where_its_topic_happened(pipeline, text):
    # (review of session 47, 13)
    where = _where(_located(pipeline, text), text)
    assert "Kyiv" not in where.get("attack", set()), where


@pytest.mark.parametrize(
    "text",
    [
        "The ministry held a briefing in Kyiv on the shelling of the city.",
        "The governor gave a statement in Kyiv on the shelling there.",
    ],
)
def test_a_briefing_whose_topic_points_back_to_its_town_keeps_it(pipeline, text):
    # (the review of session 48, 8)
    where = _where(_located(pipeline, text), text)
    assert "Kyiv" in where.get("shelling", set()), where


@pytest.mark.parametrize(
    ("text", "trigger", "going_on", "only_if"),
    [
        # the fighting goes on where its own words put it; only where it may spread is
        # under the condition (the review of session 48, 4)
        ("Should the fighting in El Fasher spread to Tawila, 100,000 people could flee.",
         "fighting", "El Fasher", "Tawila"),
        ("Should the clashes in Omdurman reach Khartoum, aid agencies will leave.",
         "clashes", "Omdurman", "Khartoum"),
    ],
)  # fmt: skip
def test_an_event_a_condition_is_about_goes_on_where_its_own_words_put_it(
    pipeline, text, trigger, going_on, only_if
):
    (event,) = [e for e in _located(pipeline, text) if e.trigger.startswith(trigger)]
    places = {text[loc.start : loc.end] for loc in event.locations}
    assert not event.planned and going_on in places and only_if not in places, event


def test_a_deed_the_parse_hangs_on_a_rejected_noun_is_not_denied(pipeline):
    # (tester round 37, F5) the parse makes "set" a clause on "deal", the object
    # of "reject": the bombing is the sentence's own deed, told as done
    text = (
        "Dissident fighters who reject the 2016 peace deal set off a motorcycle bomb "
        "outside a police station in Kesra on Monday."
    )
    (blast,) = [e for e in _located(pipeline, text) if e.type == "explosion"]
    assert not blast.denied


def test_a_distance_the_parse_makes_an_adjective_of_the_weapon_says_where(pipeline):
    # (tester round 37, F7) "west" parsed as an adjective of "drone"
    text = "The market was struck by a drone 25 km west of El Obeid."
    (strike,) = [e for e in _located(pipeline, text) if e.layer == "strike_sites"]
    (where,) = strike.locations
    assert text[where.start : where.end] == "25 km west of El Obeid"


def test_a_distance_the_parse_hangs_the_weapon_on_says_where(pipeline):
    # (the review of session 48, 17) the parse makes "IED" a modifier of "km"
    text = "A convoy was hit by an IED 30 km south of Gao."
    (blast,) = [e for e in _located(pipeline, text) if e.layer == "explosions"]
    assert [text[loc.start : loc.end] for loc in blast.locations] == ["30 km south of Gao"]


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        # (tester round 37, F6) the second story was filed a day later: its Tuesday is
        # the day after the first story's Monday, not the week before
        ("ZORVAN, July 7 — Troops shelled the port of Kesra on Monday.\n\n"
         "DORVIK, July 8 — Rival supporters clashed in Velmora on Tuesday.", "2025-07-09",
         {"shelled": "2025-07-07", "clashed": "2025-07-08"}),
        # (the review of session 48, 5) its own dateline, not the first story's, caps
        # "the previous day"
        ("ZORVAN, July 7 — Police fired tear gas at protesters in Kesra on Monday.\n\n"
         "DORVIK, July 9 — Rebels shelled Velmora on Wednesday. The previous day, drones "
         "hit Tarsk.", "2025-07-10", {"shelled": "2025-07-09", "hit": "2025-07-08"}),
    ],
)  # fmt: skip
def test_each_dateline_of_a_round_up_dates_the_story_below_it(
    pipeline, text, article_date, expected
):
    events = _located(pipeline, text, article_date=article_date)
    dates = {e.trigger: e.date for e in events if e.trigger in expected}
    assert dates == expected, dates


def test_a_weekday_that_names_a_market_does_not_date_the_deed(pipeline):
    # (tester round 38, F6) "the Tuesday market" is the market's name; the day is written
    text = (
        "At least 18 civilians were killed when an airstrike hit the Tuesday market in "
        "Kesra on 9 January."
    )
    events = _located(pipeline, text, article_date="2026-01-14")
    dates = {e.trigger.split()[-1]: e.date for e in events}
    assert dates.get("killed") == "2026-01-09" and dates.get("hit") == "2026-01-09", dates
    # a part of the day still dates it
    text = "Gunmen attacked the market in Kesra on Tuesday night."
    (attack,) = [e for e in _located(pipeline, text, article_date="2026-01-14")]
    assert attack.date == "2026-01-13", attack


def test_a_town_the_parse_hangs_on_its_province_after_a_comma_is_where(pipeline):
    # (tester round 39, F3) "Tak Bai" parsed as a modifier of "Narathiwat": the
    # province says where the town is, and the town is where the arrest was
    text = "In Tak Bai, Narathiwat, police detained a village headman on Friday."
    (arrest,) = [e for e in _located(pipeline, text) if e.layer == "arrests"]
    assert [text[loc.start : loc.end] for loc in arrest.locations] == ["Tak Bai"]


def test_a_month_in_a_when_clause_on_a_year_is_that_year_s(pipeline):
    # (tester round 39, F5) "the worst days of 2004, when …": April 2004, not the last April
    text = (
        "The violence recalls the worst days of 2004, when troops stormed a mosque in "
        "Zorvan in April."
    )
    (storming,) = [e for e in _located(pipeline, text, article_date="2026-07-15")]
    assert storming.date == "2004-04", storming
    # a year the clause does not hang on leaves the month its own
    text = "Fighting that began in 2014 flared again in Zorvan in April."
    dates = {e.date for e in _located(pipeline, text, article_date="2026-07-15")}
    assert "2014-04" not in dates, dates


def test_a_month_that_year_is_of_the_year_named_before(pipeline):
    # (tester round 38, F6) "in July that year" after "September 2024": July 2024
    text = (
        "The feud began in September 2024, after the cartel boss was detained in Zorvan in "
        "July that year."
    )
    events = _located(pipeline, text, article_date="2026-03-02")
    assert [e.date for e in events if e.layer == "arrests"] == ["2024-07"], events


def test_a_modifier_of_an_event_s_word_tells_no_second_event(pipeline):
    # (tester round 39, F6) "protest" only says what kind of rally: one event, planned
    text = "A protest rally by fishermen is planned in Zorvan on Saturday."
    events = [e for e in _located(pipeline, text, article_date="2026-10-14")]
    assert [(e.trigger, e.planned) for e in events if e.layer == "protests"] == [
        ("rally", True)
    ], events


def test_forces_joined_in_the_subject_move_as_one(nlp, layers):
    # (tester round 39, F6) the force is the second of two joined subjects
    text = "Foreign instructors and government soldiers moved from Kutar to Zorvan on Thursday."
    where = _where(_events(nlp, layers, text, ["Kutar", "Zorvan"]), text)
    assert "Zorvan" in where.get("forces_on_the_move", set()), where



@pytest.mark.parametrize(
    ("text", "trigger", "site"),
    [
        # a place of a clause joined to the event's names no site of it (the review of
        # session 49, 1): the witnesses' town stays the scorer's to weigh
        ("Witnesses in Mogadishu said a car bomb exploded near the airport and that gunmen "
         "stormed a hotel in Kismayo.", "exploded", "Mogadishu"),
        ("Medics in Gaza City said an airstrike killed 12 people, while a strike in Rafah "
         "killed four.", "airstrike", "Gaza City"),
        # where the gunmen came from is no site, and "there" points back to the town
        # (the review of session 49, 2)
        ("Police in Kano said gunmen from Katsina attacked a market there.", "attacked",
         "Kano"),
    ],
)  # fmt: skip
def test_a_speaker_s_town_stays_where_the_words_name_no_other_site(
    pipeline, text, trigger, site
):
    (event,) = [e for e in _located(pipeline, text) if trigger in e.trigger]
    assert [text[loc.start : loc.end] for loc in event.locations] == [site], event
