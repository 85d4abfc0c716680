"""Metonyms news uses for a state: its capital ("Moscow said"), its seat of power ("the Kremlin"), and
the short forms of its name ("the US", "America"). Code links them to one actor, so one government's
claims are not split across "Russia", "Moscow" and "the Kremlin" (and a conflict among them is not
mistaken for one between two sides).

Keys are lower case, without a leading "the"; values are the state's name as a key.
"""

from __future__ import annotations

CAPITALS: dict[str, str] = {
    "moscow": "russia", "kyiv": "ukraine", "kiev": "ukraine", "washington": "united states",
    "beijing": "china", "london": "united kingdom", "paris": "france", "berlin": "germany",
    "tehran": "iran", "riyadh": "saudi arabia", "ankara": "turkey", "pyongyang": "north korea",
    "seoul": "south korea", "tokyo": "japan", "damascus": "syria", "baghdad": "iraq", "kabul": "afghanistan",
    "islamabad": "pakistan", "new delhi": "india", "cairo": "egypt", "addis ababa": "ethiopia",
    "khartoum": "sudan", "juba": "south sudan", "harare": "zimbabwe", "luanda": "angola",
    "mexico city": "mexico", "port-au-prince": "haiti", "caracas": "venezuela", "havana": "cuba",
    "minsk": "belarus", "warsaw": "poland", "rome": "italy", "madrid": "spain", "ottawa": "canada",
    "canberra": "australia", "taipei": "taiwan", "tripoli": "libya", "sanaa": "yemen", "doha": "qatar",
    "abu dhabi": "united arab emirates", "amman": "jordan", "beirut": "lebanon", "tel aviv": "israel",
    "nairobi": "kenya", "abuja": "nigeria", "pretoria": "south africa", "brasilia": "brazil",
    "buenos aires": "argentina", "bogota": "colombia", "lima": "peru", "santiago": "chile",
    "hanoi": "vietnam", "manila": "philippines", "jakarta": "indonesia", "bangkok": "thailand",
    "dhaka": "bangladesh", "kathmandu": "nepal", "tbilisi": "georgia", "yerevan": "armenia",
    "baku": "azerbaijan",
}  # fmt: skip
"""Capitals that stand for their government."""

SEATS_OF_POWER: dict[str, str] = {
    "kremlin": "russia", "white house": "united states", "downing street": "united kingdom",
    "number 10": "united kingdom", "elysee": "france", "élysée": "france", "elysee palace": "france",
    "zhongnanhai": "china", "blue house": "south korea", "quai d'orsay": "france",
}  # fmt: skip
"""Buildings that stand for a government or its head."""

STATE_NAMES: dict[str, str] = {
    "us": "united states", "u s": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom", "u k": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom", "russian federation": "russia",
    "prc": "china", "people's republic of china": "china", "dprk": "north korea",
}  # fmt: skip
"""Other names of a state."""
