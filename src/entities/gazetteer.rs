//! Place and nationality names, compiled from GeoNames and world-countries into one text file
//! (`models/gazetteer.tsv`) that is compiled into the binary.
//!
//! The gazetteer does two jobs. It feeds the tagger: every token covered by a match gets a feature
//! naming the kind of match and the token's position in it, so the model learns how far to trust
//! a list (a city called "Of" exists; "Of" is rarely a place). And it names places: a span the
//! tagger calls a LOCATION that the gazetteer knows maps to one canonical spelling, so "Lugansk"
//! and "Luhansk" or "Kiev" and "Kyiv" are one place within and across articles.
//!
//! Matching ignores case, punctuation and token boundaries: the key of a token run is its letters
//! and digits, lowercased, diacritics kept. "Kim Jong-un" tokenized as one token or as three
//! ("Jong", "-", "un") has the same key, and so do corpus tokenizations that differ from ours.

use std::collections::HashMap;
use std::fmt::Write as _;

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A sovereign state or territory.
    Country,
    /// A continent.
    Continent,
    /// A first-level region (US states).
    Region,
    /// A city of 15,000 people or more.
    City,
    /// A demonym or nationality adjective ("Russian", "North Korean").
    Demonym,
}

impl PlaceKind {
    const ALL: [PlaceKind; 5] = [
        PlaceKind::Country,
        PlaceKind::Continent,
        PlaceKind::Region,
        PlaceKind::City,
        PlaceKind::Demonym,
    ];

    fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "COUNTRY",
            PlaceKind::Continent => "CONTINENT",
            PlaceKind::Region => "REGION",
            PlaceKind::City => "CITY",
            PlaceKind::Demonym => "DEMONYM",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Bit of this kind in a match's kind mask.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// One named place (or nationality) and its spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: PlaceKind,
    /// The spelling Parallax reports.
    pub canonical: String,
    /// For a demonym, the country it belongs to.
    pub country: Option<String>,
}

/// A match of the gazetteer over a token run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Every kind of entry with this key (bits of [`PlaceKind::bit`]).
    pub kinds: u8,
    /// The preferred entry for the key (countries before regions before cities, larger cities
    /// first), index into [`Gazetteer::entry`].
    pub entry: u32,
    /// True when the key is a spelling close enough to the canonical one to be the same name
    /// ("Lugansk" for "Luhansk"); historical or foreign names ("Voroshilovgrad") feed the tagger
    /// but are not renamed.
    pub close: bool,
    /// True when the tagger's features read this match: false for this team's `REGIONS`
    /// (`AREA` lines), which the committed model was trained without. They name places for the
    /// grouping; a model trained with them as features would change every score at once.
    pub features: bool,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    kinds: u8,
    entry: u32,
    close: bool,
    features: bool,
}

/// The compiled gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    keys: HashMap<u64, Slot, IdentityHash>,
    /// Keys of the word-boundary prefixes of multi-word spellings.
    prefixes: std::collections::HashSet<u64, IdentityHash>,
    max_tokens: usize,
}

/// The compiled gazetteer built into the binary (`models/gazetteer.tsv`).
pub const BUILTIN: &str = include_str!("../../models/gazetteer.tsv");

/// The longest match tried, in tokens.
const MAX_MATCH_TOKENS: usize = 6;

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn builtin() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| {
            Gazetteer::parse(BUILTIN)
                .expect("models/gazetteer.tsv is written by `parallax train gazetteer`")
        })
    }

    /// Reads the compiled form: a line per entry, `KIND \t canonical \t country \t close
    /// spellings \t far spellings`, spellings separated by `|`; "close" spellings are the same name
    /// spelled otherwise (see [`Match::close`]), decided when compiling.
    pub fn parse(source: &str) -> Result<Self, String> {
        let mut gazetteer = Gazetteer {
            max_tokens: MAX_MATCH_TOKENS,
            ..Gazetteer::default()
        };
        let lines = source
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let spellings_estimate = source.bytes().filter(|&b| b == b'|').count() + source.len() / 40;
        gazetteer.keys.reserve(spellings_estimate);
        gazetteer.prefixes.reserve(spellings_estimate / 2);
        for (n, line) in lines.enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let [kind, canonical, country, close, far] = fields[..] else {
                return Err(format!("entry {}: expected 5 tab-separated fields", n + 1));
            };
            // An AREA is a region and an AREA_DEMONYM a group named after one, which the tagger's
            // features do not read (see `Match::features`).
            let features = kind != AREA && kind != AREA_DEMONYM;
            let kind = match kind {
                AREA => PlaceKind::Region,
                AREA_DEMONYM => PlaceKind::Demonym,
                _ => PlaceKind::parse(kind)
                    .ok_or_else(|| format!("entry {}: unknown kind {kind:?}", n + 1))?,
            };
            let index = u32::try_from(gazetteer.entries.len())
                .map_err(|_| "too many entries".to_owned())?;
            let close = std::iter::once(canonical)
                .chain(close.split('|'))
                .map(|s| (s, true));
            let far = far.split('|').map(|s| (s, false));
            for (spelling, close) in close.chain(far) {
                let mut hasher = KeyHasher::new();
                hasher.push(spelling);
                if hasher.is_empty() {
                    continue;
                }
                // Every proper prefix at a word boundary, so that matching can stop as soon as
                // no spelling continues the tokens read so far.
                let mut prefix = KeyHasher::new();
                let mut pieces = spelling
                    .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '\'' | '’'))
                    .filter(|p| has_alnum(p))
                    .peekable();
                while let Some(piece) = pieces.next() {
                    if pieces.peek().is_some() {
                        prefix.push(piece);
                        gazetteer.prefixes.insert(prefix.finish());
                    }
                }
                let key = hasher.finish();
                if !features && gazetteer.keys.contains_key(&key) {
                    // A place the tagger knows keeps its key untouched.
                    continue;
                }
                let slot = gazetteer.keys.entry(key).or_insert(Slot {
                    kinds: 0,
                    entry: index,
                    close,
                    features,
                });
                // Entries come best first, so the first entry of a key keeps it.
                slot.kinds |= kind.bit();
            }
            gazetteer.entries.push(Entry {
                kind,
                canonical: canonical.to_owned(),
                country: (!country.is_empty()).then(|| country.to_owned()),
            });
        }
        Ok(gazetteer)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True for entries a reader knows without context: countries, continents, US states and
    /// the few thousand largest cities (entries are ranked, so this is a cut on the rank).
    pub fn is_prominent(&self, index: u32) -> bool {
        index < 3000
    }

    /// Entry `index` of a [`Match`].
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// Looks up one name written as a string.
    pub fn lookup(&self, name: &str) -> Option<Match> {
        let slot = self.keys.get(&hash_key(&key_of(name))?)?;
        Some(Match {
            start: 0,
            end: 1,
            kinds: slot.kinds,
            entry: slot.entry,
            close: slot.close,
            features: slot.features,
        })
    }

    /// Every match over `tokens`, longest first at each start; matches never start or end on a
    /// token without letters or digits.
    pub fn find(&self, tokens: &[&str]) -> Vec<Match> {
        let mut found = Vec::new();
        for start in 0..tokens.len() {
            if !has_alnum(tokens[start]) {
                continue;
            }
            let mut hasher = KeyHasher::new();
            let mut at_start: Vec<Match> = Vec::new();
            for end in start + 1..=(start + self.max_tokens).min(tokens.len()) {
                let token = tokens[end - 1];
                if !has_alnum(token) {
                    // Names hold hyphens, apostrophes and periods, never brackets or commas.
                    if matches!(token, "-" | "‐" | "'" | "’" | "." | "&") {
                        continue;
                    }
                    break;
                }
                hasher.push(token);
                let key = hasher.finish();
                if let Some(slot) = self.keys.get(&key) {
                    at_start.push(Match {
                        start,
                        end,
                        kinds: slot.kinds,
                        entry: slot.entry,
                        close: slot.close,
                        features: slot.features,
                    });
                }
                if !self.prefixes.contains(&key) {
                    break;
                }
            }
            found.extend(at_start.into_iter().rev());
        }
        found
    }
}

fn has_alnum(token: &str) -> bool {
    token.bytes().any(|b| b.is_ascii_alphanumeric())
        || (!token.is_ascii() && token.chars().any(char::is_alphanumeric))
}

/// The matching key of a spelling: its letters and digits, lowercased.
fn key_of(spelling: &str) -> String {
    spelling
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn hash_key(key: &str) -> Option<u64> {
    if key.is_empty() {
        return None;
    }
    let mut hasher = KeyHasher::new();
    hasher.push(key);
    Some(hasher.finish())
}

/// Same name, other spelling: same first letter and an edit distance of at most a third of the
/// length (at least 2): Lugansk/Luhansk, Kiev/Kyiv, Moscou/Moscow; not Voroshilovgrad/Luhansk.
fn is_close(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.first() != b.first() {
        return false;
    }
    let limit = (a.len().max(b.len()) / 3).max(2);
    edit_distance(&a, &b) <= limit
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// FNV-1a over the key's chars, token by token, so that a run of tokens hashes like their
/// concatenated key without building it.
struct KeyHasher(u64);

impl KeyHasher {
    fn new() -> Self {
        KeyHasher(0xcbf2_9ce4_8422_2325)
    }

    fn push(&mut self, token: &str) {
        // Most tokens are ASCII, whose letters lowercase byte for byte: the same bytes as the
        // general path, without decoding characters (the gazetteer runs over every token twice).
        if token.is_ascii() {
            for b in token.bytes().filter(u8::is_ascii_alphanumeric) {
                self.byte(b.to_ascii_lowercase());
            }
            return;
        }
        for c in token
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
        {
            let mut buf = [0; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                self.byte(b);
            }
        }
    }

    fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn finish(&self) -> u64 {
        self.0
    }

    /// True when nothing has been pushed but characters without letters or digits.
    fn is_empty(&self) -> bool {
        self.0 == KeyHasher::new().0
    }
}

/// A hasher for keys that are hashes already.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdentityHash;

impl std::hash::BuildHasher for IdentityHash {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// See [`IdentityHash`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The kind written for [`REGIONS`] in the compiled file.
const AREA: &str = "AREA";

/// The kind written for [`REGIONAL_DEMONYMS`] in the compiled file.
const AREA_DEMONYM: &str = "AREA_DEMONYM";

/// Regions that news copy names as places but that neither GeoNames' lists nor the country list
/// hold: a peninsula or region shared by several states, or a part of one ("Korea's liberation"
/// in 1945 is neither of today's two Koreas). Written by this team; canonical name, then other
/// spellings.
const REGIONS: &[(&str, &[&str])] = &[
    ("Korea", &[]),
    ("Korean Peninsula", &[]),
    ("Middle East", &["Mideast"]),
    ("Balkans", &[]),
    ("Caucasus", &[]),
    ("Crimea", &["Crimean Peninsula"]),
    ("Donbas", &["Donbass"]),
    ("Siberia", &[]),
    ("Kashmir", &[]),
    ("West Bank", &[]),
    ("Gaza Strip", &[]),
    ("Sahel", &[]),
    ("Scandinavia", &[]),
    ("Persian Gulf", &[]),
];

/// Groups named after a continent or a region rather than a country ("Northeast Asian
/// nations", "European leaders", "Latin Americans", "Korean patriots"): the country list's
/// demonyms stop at countries. Written by this team; the adjective, the region it names (an entry's "country"),
/// then other spellings. Like [`REGIONS`] they are no tagger features; they make a name a
/// NATIONALITY after the tagger.
const REGIONAL_DEMONYMS: &[(&str, &str, &[&str])] = &[
    ("African", "Africa", &["Africans"]),
    ("Asian", "Asia", &["Asians"]),
    ("European", "Europe", &["Europeans"]),
    ("North American", "North America", &["North Americans"]),
    ("South American", "South America", &["South Americans"]),
    ("Latin American", "Latin America", &["Latin Americans"]),
    (
        "Central American",
        "Central America",
        &["Central Americans"],
    ),
    ("East Asian", "East Asia", &["East Asians"]),
    ("Northeast Asian", "Northeast Asia", &["Northeast Asians"]),
    ("Southeast Asian", "Southeast Asia", &["Southeast Asians"]),
    ("South Asian", "South Asia", &["South Asians"]),
    ("Central Asian", "Central Asia", &["Central Asians"]),
    ("Middle Eastern", "Middle East", &["Mideastern"]),
    ("North African", "North Africa", &["North Africans"]),
    ("West African", "West Africa", &["West Africans"]),
    ("East African", "East Africa", &["East Africans"]),
    ("Sub-Saharan African", "Sub-Saharan Africa", &[]),
    ("Eastern European", "Eastern Europe", &["Eastern Europeans"]),
    ("Western European", "Western Europe", &["Western Europeans"]),
    ("Central European", "Central Europe", &["Central Europeans"]),
    ("Scandinavian", "Scandinavia", &["Scandinavians"]),
    ("Nordic", "Nordic countries", &[]),
    ("Arab", "Arab world", &["Arabs"]),
    // The people of a nation split into two states: "Korean builders", "the Korean patriots who
    // fought for Korea's liberation" (the country list has only North and South Korean).
    ("Korean", "Korea", &["Koreans"]),
];

/// Compiles the source lists (the `gazetteers/` folder of the shared data) into the text form
/// [`Gazetteer::parse`] reads. Entries are written best first: countries, continents, US states,
/// demonyms, then cities by falling population, so that a key shared by several entries belongs
/// to the one a reader would think of first (Georgia the country; Donetsk in Ukraine, not the
/// smaller Donetsk in Russia). This team's `REGIONS` come last, as `AREA` lines.
pub fn compile(dir: &std::path::Path) -> Result<String, String> {
    use serde_json::Value;
    let read = |name: &str| -> Result<Value, String> {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))
    };
    let countries = read("world-countries.json")?;
    let continents = read("continents.json")?;
    let states = read("us_states.json")?;
    let cities = read("cities15000.json")?;

    let mut out = String::from(
        "# Parallax gazetteer: KIND, canonical name, country (demonyms), spellings.\n\
         # Compiled by `parallax train gazetteer` from GeoNames (CC BY 4.0) and\n\
         # mledoze/countries world-countries.json (ODbL); see NOTICE.\n",
    );
    let mut line = |kind: &str, canonical: &str, country: &str, spellings: &[String]| {
        // Countries are known by their codes ("DPRK", "USA", "UK"); cities' codes are airports.
        let codes = kind == PlaceKind::Country.as_str();
        let mut spellings: Vec<&str> = spellings
            .iter()
            .map(String::as_str)
            .filter(|s| *s != canonical && usable_spelling(s, codes))
            .collect();
        spellings.sort_unstable();
        spellings.dedup();
        let canonical_key = key_of(canonical);
        let (close, far): (Vec<&str>, Vec<&str>) = spellings
            .into_iter()
            .partition(|s| is_close(&key_of(s), &canonical_key));
        let _ = writeln!(
            out,
            "{kind}\t{canonical}\t{country}\t{}\t{}",
            close.join("|"),
            far.join("|")
        );
    };
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let countries = countries
        .as_array()
        .ok_or("world-countries.json: not a list")?;
    for country in countries {
        let name = &country["name"];
        let Some(common) = name["common"].as_str() else {
            continue;
        };
        let mut spellings = strings(&country["altSpellings"]);
        if let Some(official) = name["official"].as_str() {
            spellings.push(official.to_owned());
        }
        line(PlaceKind::Country.as_str(), common, "", &spellings);
    }
    if let Some(continents) = continents.as_object() {
        for continent in continents.values() {
            if let Some(name) = continent["name"]
                .as_str()
                .or(continent["toponymName"].as_str())
            {
                line(PlaceKind::Continent.as_str(), name, "", &[]);
            }
        }
    }
    if let Some(states) = states.as_object() {
        for state in states.values() {
            if let Some(name) = state["name"].as_str() {
                line(PlaceKind::Region.as_str(), name, "", &[]);
            }
        }
    }
    for country in countries {
        let Some(common) = country["name"]["common"].as_str() else {
            continue;
        };
        let english = &country["demonyms"]["eng"];
        let mut forms: Vec<String> = ["m", "f"]
            .iter()
            .filter_map(|g| english[*g].as_str().map(str::to_owned))
            .collect();
        forms.dedup();
        let Some(first) = forms.first().cloned() else {
            continue;
        };
        // Plurals name the people: "Russians", "North Koreans".
        let plurals: Vec<String> = forms
            .iter()
            .filter(|f| !f.ends_with('s') && !f.ends_with("ese"))
            .map(|f| format!("{f}s"))
            .collect();
        forms.extend(plurals);
        line(PlaceKind::Demonym.as_str(), &first, common, &forms);
    }
    let cities = cities.as_object().ok_or("cities15000.json: not a map")?;
    let mut cities: Vec<&Value> = cities.values().collect();
    cities.sort_by_key(|c| std::cmp::Reverse(c["population"].as_u64().unwrap_or(0)));
    for city in cities {
        let Some(name) = city["name"].as_str() else {
            continue;
        };
        line(
            PlaceKind::City.as_str(),
            name,
            "",
            &strings(&city["alternatenames"]),
        );
    }
    // Last, so that adding one shifts no other entry's rank (the tagger reads ranks).
    for (name, spellings) in REGIONS {
        let spellings: Vec<String> = spellings.iter().map(|s| (*s).to_owned()).collect();
        line(AREA, name, "", &spellings);
    }
    for (name, region, spellings) in REGIONAL_DEMONYMS {
        let spellings: Vec<String> = spellings.iter().map(|s| (*s).to_owned()).collect();
        line(AREA_DEMONYM, name, region, &spellings);
    }
    Ok(out)
}

/// Spellings worth matching: Latin script, capitalized, at least three letters (two for a
/// code), and an all-caps code of four letters or fewer only when `codes` says so.
fn usable_spelling(s: &str, codes: bool) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let first_upper = s.chars().next().is_some_and(char::is_uppercase);
    let latin = s.chars().all(|c| {
        c.is_ascii_alphanumeric() || matches!(c, ' ' | '\'' | '-' | '.' | '’') || {
            let u = c as u32;
            (0xC0..=0x24F).contains(&u) && c.is_alphabetic()
        }
    });
    let code = s.len() <= 4 && s.chars().all(|c| c.is_ascii_uppercase());
    if code {
        return codes && letters >= 2;
    }
    letters >= 3 && first_upper && latin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_tokens_hash_as_their_characters_do() {
        // The byte path for ASCII against the character path every other token takes.
        for token in ["Luhansk", "U.S.", "Al-Qaeda's", "N0rth", "--", "KIM"] {
            let mut fast = KeyHasher::new();
            fast.push(token);
            let mut general = KeyHasher::new();
            for c in token.chars().filter(|c| c.is_alphanumeric()) {
                for lower in c.to_lowercase() {
                    general.byte(lower as u8);
                }
            }
            assert_eq!(fast.finish(), general.finish(), "{token}");
        }
        let (mut one, mut other) = (KeyHasher::new(), KeyHasher::new());
        one.push("Dnipró");
        other.push("dnipró");
        assert_eq!(one.finish(), other.finish());
        assert!(has_alnum("é") && has_alnum("a.") && !has_alnum("—"));
    }

    fn sample() -> Gazetteer {
        Gazetteer::parse(
            "COUNTRY\tNorth Korea\t\t\tDPRK|Democratic People's Republic of Korea\n\
             DEMONYM\tNorth Korean\tNorth Korea\tNorth Koreans\t\n\
             CITY\tLuhansk\t\tLugansk\tVoroshilovgrad\n\
             CITY\tKyiv\t\tKiev\t\n",
        )
        .unwrap()
    }

    #[test]
    fn matches_across_tokenizations_and_case() {
        let g = sample();
        let found = g.find(&["in", "north", "KOREA", "and", "Lugansk"]);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].start, found[0].end), (1, 3));
        assert_eq!(g.entry(found[0].entry).canonical, "North Korea");
        assert_eq!(g.entry(found[1].entry).canonical, "Luhansk");
        assert!(found[1].close);
        let split = g.find(&["Democratic", "People", "'s", "Republic", "of", "Korea"]);
        assert_eq!((split[0].start, split[0].end), (0, 6));
    }

    #[test]
    fn far_spellings_feed_features_but_do_not_rename() {
        let g = sample();
        let m = g.lookup("Voroshilovgrad").unwrap();
        assert!(!m.close);
        assert!(g.lookup("Kiev").unwrap().close);
        assert_eq!(
            g.entry(g.lookup("North Koreans").unwrap().entry)
                .country
                .as_deref(),
            Some("North Korea")
        );
        assert!(g.lookup("Nowhere").is_none());
    }

    #[test]
    fn team_regions_are_places_the_features_do_not_read() {
        let g = Gazetteer::parse(
            "COUNTRY\tNorth Korea\t\t\t\n\
             CITY\tKyiv\t\tKiev\t\n\
             AREA\tKorea\t\t\t\n\
             AREA\tKyiv Region\t\tKiev\t\n",
        )
        .unwrap();
        let korea = g.lookup("Korea").unwrap();
        assert_eq!(g.entry(korea.entry).kind, PlaceKind::Region);
        assert!(!korea.features);
        // Inside "North Korea" the area matches too, but only the country feeds the tagger.
        let found = g.find(&["North", "Korea"]);
        assert_eq!(found.len(), 2);
        assert_eq!(found.iter().filter(|m| m.features).count(), 1);
        // A key the tagger already knows keeps its entry and kinds.
        let kiev = g.lookup("Kiev").unwrap();
        assert_eq!(g.entry(kiev.entry).canonical, "Kyiv");
        assert_eq!(kiev.kinds, PlaceKind::City.bit());
        assert!(kiev.features);
    }

    #[test]
    fn never_matches_on_punctuation_edges() {
        let g = sample();
        assert!(g.find(&[",", "-", "'s"]).is_empty());
        // "[S]outh Korean" is not a name across the bracket.
        assert!(g.find(&["North", "]", "Korea"]).is_empty());
        assert!(g.find(&[]).is_empty());
    }

    #[test]
    fn usable_spellings() {
        for (s, codes, ok) in [
            ("Lugansk", false, true),
            ("P'yongyang", false, true),
            ("Kyïv", false, true),
            ("SEL", false, false),
            ("DPRK", true, true),
            ("UK", true, true),
            ("kiev", false, false),
            ("Ки", false, false),
            ("Эскальдес", false, false),
            ("Xi", false, false),
        ] {
            assert_eq!(usable_spelling(s, codes), ok, "{s}");
        }
    }
}
