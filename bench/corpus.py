"""Synthetic news corpora for the benchmarks, generated from templates of our own.

Usage: ``python bench/corpus.py N OUT_DIR [--seed S]`` writes N articles.

Every sentence comes from the templates below, written for this file, filled
with places from the lists below (real place names, so the gazetteer and the
classifier have real work: strikes, shoot-downs, talks, airspace, floods),
invented people and organisations, and dates. Nothing is copied from any
news text. The same N and seed always give the same files, byte for byte.
An article runs to about 350 words, like a short wire story.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

__all__ = ["CORPUS_MARKER", "ensure_corpus", "generate", "write_article"]

CORPUS_MARKER = ".bench-corpus"

# (city, country) pairs: capitals and large or newsworthy towns on every continent.
CITIES: tuple[tuple[str, str], ...] = (
    ("Kyiv", "Ukraine"),
    ("Kharkiv", "Ukraine"),
    ("Odesa", "Ukraine"),
    ("Lviv", "Ukraine"),
    ("Moscow", "Russia"),
    ("Novosibirsk", "Russia"),
    ("Minsk", "Belarus"),
    ("Warsaw", "Poland"),
    ("Krakow", "Poland"),
    ("Berlin", "Germany"),
    ("Hamburg", "Germany"),
    ("Paris", "France"),
    ("Marseille", "France"),
    ("Madrid", "Spain"),
    ("Barcelona", "Spain"),
    ("Lisbon", "Portugal"),
    ("Rome", "Italy"),
    ("Naples", "Italy"),
    ("Athens", "Greece"),
    ("Vienna", "Austria"),
    ("Budapest", "Hungary"),
    ("Bucharest", "Romania"),
    ("Sofia", "Bulgaria"),
    ("Belgrade", "Serbia"),
    ("Istanbul", "Turkey"),
    ("Ankara", "Turkey"),
    ("Tbilisi", "Georgia"),
    ("Yerevan", "Armenia"),
    ("Baku", "Azerbaijan"),
    ("Tehran", "Iran"),
    ("Isfahan", "Iran"),
    ("Baghdad", "Iraq"),
    ("Mosul", "Iraq"),
    ("Basra", "Iraq"),
    ("Damascus", "Syria"),
    ("Aleppo", "Syria"),
    ("Homs", "Syria"),
    ("Beirut", "Lebanon"),
    ("Amman", "Jordan"),
    ("Jerusalem", "Israel"),
    ("Haifa", "Israel"),
    ("Cairo", "Egypt"),
    ("Alexandria", "Egypt"),
    ("Riyadh", "Saudi Arabia"),
    ("Jeddah", "Saudi Arabia"),
    ("Doha", "Qatar"),
    ("Dubai", "United Arab Emirates"),
    ("Muscat", "Oman"),
    ("Sanaa", "Yemen"),
    ("Aden", "Yemen"),
    ("Khartoum", "Sudan"),
    ("Addis Ababa", "Ethiopia"),
    ("Nairobi", "Kenya"),
    ("Mogadishu", "Somalia"),
    ("Kampala", "Uganda"),
    ("Kinshasa", "Democratic Republic of the Congo"),
    ("Lagos", "Nigeria"),
    ("Abuja", "Nigeria"),
    ("Accra", "Ghana"),
    ("Dakar", "Senegal"),
    ("Bamako", "Mali"),
    ("Tripoli", "Libya"),
    ("Benghazi", "Libya"),
    ("Tunis", "Tunisia"),
    ("Algiers", "Algeria"),
    ("Casablanca", "Morocco"),
    ("Johannesburg", "South Africa"),
    ("Cape Town", "South Africa"),
    ("Harare", "Zimbabwe"),
    ("Luanda", "Angola"),
    ("Kabul", "Afghanistan"),
    ("Kandahar", "Afghanistan"),
    ("Islamabad", "Pakistan"),
    ("Karachi", "Pakistan"),
    ("Lahore", "Pakistan"),
    ("New Delhi", "India"),
    ("Mumbai", "India"),
    ("Kolkata", "India"),
    ("Chennai", "India"),
    ("Dhaka", "Bangladesh"),
    ("Kathmandu", "Nepal"),
    ("Colombo", "Sri Lanka"),
    ("Yangon", "Myanmar"),
    ("Bangkok", "Thailand"),
    ("Hanoi", "Vietnam"),
    ("Manila", "Philippines"),
    ("Jakarta", "Indonesia"),
    ("Kuala Lumpur", "Malaysia"),
    ("Singapore", "Singapore"),
    ("Beijing", "China"),
    ("Shanghai", "China"),
    ("Wuhan", "China"),
    ("Taipei", "Taiwan"),
    ("Seoul", "South Korea"),
    ("Busan", "South Korea"),
    ("Pyongyang", "North Korea"),
    ("Tokyo", "Japan"),
    ("Osaka", "Japan"),
    ("Ulaanbaatar", "Mongolia"),
    ("Almaty", "Kazakhstan"),
    ("Tashkent", "Uzbekistan"),
    ("Sydney", "Australia"),
    ("Melbourne", "Australia"),
    ("Auckland", "New Zealand"),
    ("Ottawa", "Canada"),
    ("Toronto", "Canada"),
    ("Vancouver", "Canada"),
    ("Washington", "United States"),
    ("New York", "United States"),
    ("Chicago", "United States"),
    ("Houston", "United States"),
    ("Mexico City", "Mexico"),
    ("Guadalajara", "Mexico"),
    ("Havana", "Cuba"),
    ("Bogota", "Colombia"),
    ("Caracas", "Venezuela"),
    ("Quito", "Ecuador"),
    ("Lima", "Peru"),
    ("La Paz", "Bolivia"),
    ("Santiago", "Chile"),
    ("Buenos Aires", "Argentina"),
    ("Montevideo", "Uruguay"),
    ("Sao Paulo", "Brazil"),
    ("Rio de Janeiro", "Brazil"),
    ("Brasilia", "Brazil"),
    ("London", "United Kingdom"),
    ("Manchester", "United Kingdom"),
    ("Dublin", "Ireland"),
    ("Oslo", "Norway"),
    ("Stockholm", "Sweden"),
    ("Helsinki", "Finland"),
    ("Copenhagen", "Denmark"),
    ("Tallinn", "Estonia"),
    ("Riga", "Latvia"),
    ("Vilnius", "Lithuania"),
)

SEAS: tuple[str, ...] = (
    "the Black Sea",
    "the Mediterranean Sea",
    "the Red Sea",
    "the Baltic Sea",
    "the South China Sea",
    "the Caspian Sea",
    "the Persian Gulf",
    "the Arabian Sea",
    "the North Sea",
    "the Sea of Japan",
)
FIRST = (
    "Anna",
    "Omar",
    "Lena",
    "Tomas",
    "Mira",
    "Jonas",
    "Sara",
    "Karim",
    "Ines",
    "Pavel",
    "Nadia",
    "Luis",
    "Hana",
    "Viktor",
    "Rosa",
    "Felix",
    "Amara",
    "Ivo",
    "Selin",
    "Dario",
)
LAST = (
    "Keller",
    "Haddad",
    "Novak",
    "Larsen",
    "Moreau",
    "Okafor",
    "Sato",
    "Brandt",
    "Ruiz",
    "Petrov",
    "Lindqvist",
    "Mensah",
    "Costa",
    "Varga",
    "Duarte",
    "Aziz",
    "Holm",
    "Ferreira",
)
TITLES = (
    "Foreign Minister",
    "Defence Minister",
    "President",
    "spokeswoman",
    "spokesman",
    "Prime Minister",
    "envoy",
    "General",
)
ORGS = (
    "the Regional Monitoring Office",
    "the Coastal Relief Agency",
    "the Civil Aviation Board",
    "the Northern Energy Company",
    "the Joint Observer Mission",
    "the Harbour Authority",
    "the International Red Crescent delegation",
    "the Transport Safety Council",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

HEADLINES = (
    "Strikes reported near {city}",
    "Talks in {city} end without agreement",
    "Aircraft lost over {sea}",
    "{country} closes its airspace after incident",
    "Floods force thousands from homes in {city}",
    "Delegation from {country2} arrives in {city}",
    "Shelling hits outskirts of {city}",
    "Ministers meet in {city} to discuss {sea} shipping",
)

SENTENCES = (
    "Rockets struck {city} early on {weekday}, officials said.",
    "Air strikes hit targets near {city2} overnight, according to {org}.",
    "Artillery shelled the outskirts of {city} for a third day.",
    "A military transport aircraft was shot down over {sea} on {weekday}.",
    "Search teams were sent to the waters off the coast of {country} after a jet went missing.",
    "The drone crashed about {km} km north of {city2}, investigators said.",
    "{title} {person} held talks with her counterpart in {city} on {weekday}.",
    "Delegations from {country} and {country2} met in {city2} to discuss a ceasefire.",
    "The summit in {city} was attended by ministers from {count} countries.",
    "{country} said its airspace would stay closed to civilian flights until further notice.",
    "Flights were diverted away from {country2} airspace as a precaution.",
    "Heavy flooding hit {city} and several villages along the river.",
    "Aid convoys left {city2} on {weekday} carrying food and medicine.",
    "Residents of {city} said power had been cut for {count} hours.",
    "{person}, a {title2} for {org}, said the situation in {city} remained tense.",
    "Officials in {city2} said {count} people had been injured.",
    "The ministry in {city} denied any involvement and called for calm.",
    "Shipping in {sea} was disrupted for much of the week.",
    "Ferries between {city} and {city2} resumed service on {weekday}.",
    "Analysts in {city2} expect further talks next month.",
    "Protesters gathered outside the embassy in {city} on {weekday} evening.",
    "The government of {country} has not commented on the report.",
    "Independent monitors could not confirm the figures.",
    "Witnesses described loud explosions and thick smoke over the port.",
    "The talks are expected to resume after the holiday.",
    "Schools and markets were closed for the rest of the day.",
    "Satellite images showed damage to a warehouse and two hangars.",
    "Prices of fuel and bread rose sharply in the following days.",
)


def _fill(template: str, rng: random.Random) -> str:
    city, country = rng.choice(CITIES)
    city2, country2 = rng.choice(CITIES)
    return template.format(
        city=city,
        country=country,
        city2=city2,
        country2=country2,
        sea=rng.choice(SEAS),
        person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        title=rng.choice(TITLES),
        title2=rng.choice(TITLES).lower(),
        org=rng.choice(ORGS),
        weekday=rng.choice(WEEKDAYS),
        km=rng.choice((5, 12, 20, 40, 60)),
        count=rng.randint(2, 40),
    )


def write_article(folder: Path, number: int, *, seed: int = 0, words: int = 350) -> Path:
    """Write article ``number`` of the corpus of ``seed`` into ``folder``; return its path."""
    rng = random.Random(f"{seed}:{number}")
    date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500))
    title = _fill(rng.choice(HEADLINES), rng)
    title = title[0].upper() + title[1:]
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(1, 3))]
        paragraph = " ".join(s[0].upper() + s[1:] for s in sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    text = f"{title}\n\ndate {date.isoformat()}\n\n" + "\n\n".join(paragraphs) + "\n"
    sub = folder / f"{number // 1000:03d}"
    sub.mkdir(parents=True, exist_ok=True)
    path = sub / f"article-{number:06d}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def generate(n: int, folder: Path, *, seed: int = 0) -> Path:
    """Write articles ``0 .. n-1`` into ``folder`` (replacing what was there)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for number in range(n):
        write_article(folder, number, seed=seed)
    (folder / CORPUS_MARKER).write_text(f"{n} {seed}\n")
    return folder


def ensure_corpus(n: int, folder: Path, *, seed: int = 0) -> Path:
    """The corpus of ``n`` articles in ``folder``, generated only if not already there.

    Articles the benchmarks added later (numbers ``n`` and up) are removed.
    """
    marker = folder / CORPUS_MARKER
    if marker.is_file() and marker.read_text().split() == [str(n), str(seed)]:
        for path in folder.glob("*/article-*.txt"):
            if int(path.stem.split("-")[1]) >= n:
                path.unlink()
        return folder
    return generate(n, folder, seed=seed)


def main() -> None:
    """Generate a corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args.n, args.out, seed=args.seed)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
