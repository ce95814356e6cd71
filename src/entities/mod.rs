//! Named entities: a statistical tagger finds mentions, a gazetteer names places, and a
//! per-article pass groups mentions into canonical entities.
//!
//! - [`model`]: the averaged structured perceptron over BILOU tags, its training and file format;
//! - `features`: what the tagger looks at;
//! - [`gazetteer`]: places and nationalities from GeoNames and world-countries;
//! - [`casing`], [`clusters`]: what unannotated news says about words (usual casing, neighbours);
//! - [`conll`]: the annotated corpora and exact-span scoring;
//! - [`Recognizer`]: model + gazetteer + the nationality rule, over one sentence's tokens;
//! - [`canonical`]: mentions grouped into the article's entities;
//! - [`find_entities`]: all of it over a segmented article.

pub mod brown;
pub mod canonical;
pub mod casing;
pub mod clusters;
pub mod conll;
mod features;
pub mod frequency;
pub mod gazetteer;
mod lexicon;
pub mod model;
pub mod names;
pub mod pronouns;

use crate::span::Span;
use brown::Brown;
pub use canonical::{Entity, EntityMention, MentionKind};
use canonical::{Found, SentenceTokens};
use casing::Casing;
use clusters::Clusters;
use conll::Mention;
pub use features::{Convention, Lexicons};
use frequency::Frequency;
use gazetteer::{Gazetteer, Match, PlaceKind};
use model::{Model, Scored};
use names::Names;

/// Entity types Parallax reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, parties, media outlets, teams.
    Organization,
    /// Places: countries, cities, regions, facilities.
    Location,
    /// Nationalities and other groups named as adjectives ("Russian", "North Korean").
    Nationality,
    /// Named events ("World War II").
    Event,
    /// Other named things (works, products, laws).
    Other,
}

impl EntityType {
    /// The name used in reports: PERSON, ORGANIZATION, ...
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Location => "LOCATION",
            EntityType::Nationality => "NATIONALITY",
            EntityType::Event => "EVENT",
            EntityType::Other => "OTHER",
        }
    }

    /// Maps a corpus label (CoNLL `PER`, spaCy `GPE`, GUM `place`...) to a type; `None` for
    /// labels that are not named entities in Parallax's sense (GUM `time`, `abstract`...).
    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => EntityType::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" | "CORPORATION" | "GROUP" => {
                EntityType::Organization
            }
            "LOC" | "LOCATION" | "GPE" | "FAC" | "PLACE" => EntityType::Location,
            "NORP" | "NATIONALITY" => EntityType::Nationality,
            "EVENT" => EntityType::Event,
            "MISC" | "OTHER" | "PRODUCT" | "WORK_OF_ART" | "LAW" | "CREATIVE-WORK" => {
                EntityType::Other
            }
            _ => return None,
        })
    }
}

/// Finds entity mentions in tokenized sentences with the built-in model and gazetteer.
#[derive(Debug, Clone, Copy)]
pub struct Recognizer {
    model: &'static Model,
    lexicons: Lexicons<'static>,
}

impl Default for Recognizer {
    fn default() -> Self {
        Self::builtin()
    }
}

impl Recognizer {
    /// The recognizer compiled into the binary (loaded on first use).
    pub fn builtin() -> Self {
        Recognizer {
            model: Model::builtin(),
            lexicons: Lexicons {
                gazetteer: Gazetteer::builtin(),
                casing: Casing::builtin(),
                clusters: Clusters::builtin(),
                brown: Brown::builtin(),
                frequency: Frequency::builtin(),
                names: Names::builtin(),
            },
        }
    }

    /// A recognizer over a given model and word lists (for training and tests).
    pub fn new(model: &'static Model, lexicons: Lexicons<'static>) -> Self {
        Recognizer { model, lexicons }
    }

    /// The gazetteer this recognizer uses.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.lexicons.gazetteer
    }

    /// The sentence in its usual casing when it is written in Title Case or ALL CAPS (headlines,
    /// link lines), where capitals say nothing about names: words usually written in lower case
    /// are lowercased, and all-caps words usually capitalized become Capitalized. `None` for
    /// ordinary sentences.
    ///
    /// A prose sentence dense with names can pass for Title Case ("The Korean Central News Agency
    /// said the Workers' Party of Korea met"); its tell is a long word other than a preposition
    /// or conjunction left in lower case ("said"), which a headline style never leaves. There, a
    /// name holding an organization's head word keeps its capitals ("Department of Housing and
    /// Urban Development"): lowercasing "Agency" or "Party" would cut the name. A true headline
    /// is truecased whole ("Secure Usenet News" is no organization).
    pub fn truecase(&self, tokens: &[&str]) -> Option<Vec<String>> {
        let words: Vec<&str> = tokens
            .iter()
            .copied()
            .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .collect();
        if words.len() < 3 {
            return None;
        }
        let capitalized = words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        let shouting = words
            .iter()
            .filter(|w| {
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            })
            .count();
        if capitalized * 5 < words.len() * 4 {
            return None;
        }
        let all_caps = shouting * 5 >= words.len() * 4;
        let prose = words.iter().any(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'')
                && !HEADLINE_LOWER.contains(&w.to_lowercase().as_str())
        });
        let mut kept = vec![false; tokens.len()];
        if prose && !all_caps {
            for run in capitalized_runs(tokens) {
                if run.words >= 2 && run.head_end.is_some() {
                    kept[run.start..run.end].fill(true);
                }
            }
        }
        Some(
            tokens
                .iter()
                .zip(kept)
                .map(|(t, kept)| {
                    if kept {
                        return (*t).to_owned();
                    }
                    let lower = t.to_lowercase();
                    match self.lexicons.casing.class(&lower) {
                        Some(casing::Class::Lower | casing::Class::MostlyLower) => lower,
                        Some(casing::Class::Capital | casing::Class::MostlyCapital) if all_caps => {
                            let mut chars = lower.chars();
                            chars.next().map_or_else(String::new, |first| {
                                first.to_uppercase().chain(chars).collect()
                            })
                        }
                        _ => (*t).to_owned(),
                    }
                })
                .collect(),
        )
    }

    /// Mentions in one sentence's tokens, in order, never overlapping.
    ///
    /// The model decides what is a name; a capitalized demonym the model left alone or called
    /// OTHER ("Russian", "North Koreans") is a NATIONALITY, since the training corpora disagree on
    /// whether such words are entities at all and the list is closed.
    pub fn recognize(&self, tokens: &[&str]) -> Vec<Scored> {
        self.recognize_as(tokens, Convention::Names)
    }

    /// [`Recognizer::recognize`] with mention edges where `convention` puts them (GUM's noun
    /// phrases for scoring on GUM; Analyze reports names).
    pub fn recognize_as(&self, tokens: &[&str], convention: Convention) -> Vec<Scored> {
        let places = self.lexicons.gazetteer.find(tokens);
        let found = self
            .model
            .tag_with(tokens, &places, self.lexicons, convention);
        self.finish(tokens, &places, found, convention)
    }

    /// The mentions in each sentence of one document, as [`Recognizer::recognize_as`] finds
    /// them, except that a model with a document pass also reads what it tagged in the other
    /// sentences ("Coron" is a place where the article says "in Coron" and "Coron Island").
    /// Analyze reads articles this way.
    pub fn recognize_document(
        &self,
        sentences: &[&[&str]],
        convention: Convention,
    ) -> Vec<Vec<Scored>> {
        let places: Vec<Vec<Match>> = sentences
            .iter()
            .map(|tokens| self.lexicons.gazetteer.find(tokens))
            .collect();
        self.model
            .tag_document_with(sentences, &places, self.lexicons, convention)
            .into_iter()
            .zip(sentences.iter().zip(&places))
            .map(|(found, (tokens, places))| self.finish(tokens, places, found, convention))
            .collect()
    }

    /// The rules after the tagger: names without their noun phrase's edges (in the names
    /// convention), demonyms are nationalities, organization names whole.
    fn finish(
        &self,
        tokens: &[&str],
        places: &[Match],
        mut found: Vec<Scored>,
        convention: Convention,
    ) -> Vec<Scored> {
        if convention == Convention::Names {
            found
                .iter_mut()
                .for_each(|s| s.mention = name_edges(tokens, s.mention));
            split_place_pairs(tokens, &mut found, self.lexicons.gazetteer);
        }
        syllable_names(tokens, &mut found, self.lexicons.casing);
        for m in places {
            if m.kinds & PlaceKind::Demonym.bit() == 0
                || !tokens[m.start].starts_with(char::is_uppercase)
            {
                continue;
            }
            // A group named after a region (`gazetteer::REGIONAL_DEMONYMS`, which the tagger
            // never learned) before a capitalized word begins a name ("European Council",
            // "Asian Development Bank").
            if !m.features
                && tokens
                    .get(m.end)
                    .is_some_and(|t| t.starts_with(char::is_uppercase))
            {
                continue;
            }
            let overlapping = found
                .iter()
                .position(|s| s.mention.start < m.end && m.start < s.mention.end);
            match overlapping {
                // (A group named after a region, "Northeast Asian", is no organization either.)
                Some(k)
                    if (matches!(
                        found[k].mention.kind,
                        EntityType::Other | EntityType::Location
                    ) || (found[k].mention.kind == EntityType::Organization
                        && !m.features))
                        && m.kinds == PlaceKind::Demonym.bit()
                        && (found[k].mention.start, found[k].mention.end) == (m.start, m.end) =>
                {
                    found[k].mention.kind = EntityType::Nationality;
                }
                // A demonym closing a place or OTHER mention is an adjective, and the words
                // before it modify it: "Imperial Japanese occupation" names no place.
                Some(k)
                    if matches!(
                        found[k].mention.kind,
                        EntityType::Other | EntityType::Location
                    ) && m.kinds == PlaceKind::Demonym.bit()
                        && found[k].mention.start < m.start
                        && found[k].mention.end == m.end =>
                {
                    found[k].mention = Mention {
                        start: m.start,
                        end: m.end,
                        kind: EntityType::Nationality,
                    };
                }
                Some(_) => {}
                None => found.push(Scored {
                    mention: Mention {
                        start: m.start,
                        end: m.end,
                        kind: EntityType::Nationality,
                    },
                    confidence: 0.9,
                }),
            }
        }
        found.sort_by_key(|s| s.mention.start);
        organization_names(tokens, &mut found);
        republic_names(tokens, &mut found);
        event_names(tokens, &mut found);
        found
    }
}

/// A mention cut to the name in it, as the names convention marks it: the model also learned
/// from GUM, whose mentions are noun phrases, and now and then it tags one where a name is asked
/// for ("the Eastern Wire news agency"). Lower-case words closing a mention that holds a
/// capitalized word go ("Eastern Wire news agency" is "Eastern Wire"), except from a place,
/// whose name may end in a common noun ("the Korean peninsula", "the Huallaga river"). An
/// all-lower-case mention ("tampa bay", in web text) keeps its words, and so does a possessive
/// "s" split from its name ("Wendy s"). A compound adjective opening a mention ("Russian-occupied
/// Donbas") is a modifier, not part of the name. A leading "the" is left to the grouping (`canonical`),
/// which drops it: UNER marks it now and then ("The Mozilla Foundation").
fn name_edges(tokens: &[&str], mut m: Mention) -> Mention {
    // "Russian-occupied Donbas", "Kremlin-backed Pushilin": a compound adjective before a name
    // is a modifier.
    let modifier = |t: &str| {
        t.split_once(['-', '‐'])
            .is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase))
    };
    if m.end - m.start > 1 && modifier(tokens[m.start]) {
        m.start += 1;
    }
    if m.kind == EntityType::Location {
        return m;
    }
    let capitalized = |i: usize| tokens[i].starts_with(char::is_uppercase);
    let common = |t: &str| t.chars().count() > 1 && t.chars().all(char::is_lowercase);
    let mut end = m.end;
    while end > m.start + 1 && common(tokens[end - 1]) {
        end -= 1;
    }
    if end < m.end && (m.start..end).any(capitalized) {
        m.end = end;
    }
    m
}

/// Replaces the mentions `overlapping` (indices into `found`, ascending) with `mention`, as sure
/// as the surest of them (at least 0.6), keeping `found` in text order.
fn merge_into(found: &mut Vec<Scored>, overlapping: &[usize], mention: Mention) {
    let confidence = overlapping
        .iter()
        .map(|&k| found[k].confidence)
        .fold(0.6f32, f32::max);
    for &k in overlapping.iter().rev() {
        found.remove(k);
    }
    let at = found.partition_point(|s| s.mention.start < mention.start);
    found.insert(
        at,
        Scored {
            mention,
            confidence,
        },
    );
}

/// A state named "... Republic" is one place, across a possessive ("Donetsk People's Republic",
/// "Democratic People's Republic of Korea"), where the tagger found pieces of it ("Donetsk" and
/// "Republic") and no person in it: the possessive breaks the capitalized runs the organization
/// rule reads, and must, since "Russia's Foreign Ministry" is a place and an organization.
fn republic_names(tokens: &[&str], found: &mut Vec<Scored>) {
    let capitalized =
        |t: &str| t.starts_with(char::is_uppercase) && t.chars().any(char::is_lowercase);
    let possessive = |t: &str| matches!(t, "'s" | "’s");
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] != "Republic" {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > 0
            && (capitalized(tokens[start - 1])
                || (possessive(tokens[start - 1]) && start > 1 && capitalized(tokens[start - 2])))
            && !matches!(tokens[start - 1], "The" | "A" | "An")
        {
            start -= 1;
        }
        let mut end = i + 1;
        while tokens.get(end) == Some(&"of") && tokens.get(end + 1).is_some_and(|t| capitalized(t))
        {
            end += 2;
            while tokens.get(end).is_some_and(|t| capitalized(t)) {
                end += 1;
            }
        }
        let overlapping: Vec<usize> = (0..found.len())
            .filter(|&k| found[k].mention.start < end && start < found[k].mention.end)
            .collect();
        let fits = !overlapping.is_empty()
            && start < i
            && overlapping.iter().all(|&k| {
                let m = found[k].mention;
                m.start >= start && m.end <= end && m.kind != EntityType::Person
            });
        if fits {
            let mention = Mention {
                start,
                end,
                kind: EntityType::Location,
            };
            merge_into(found, &overlapping, mention);
        }
        i = end;
    }
}

/// Words that close the name of an event: "Cold War", "Korean War", "October Revolution",
/// "Cuban Missile Crisis", "Tokyo Olympics".
const EVENT_HEADS: &[&str] = &[
    "War",
    "Revolution",
    "Uprising",
    "Rebellion",
    "Massacre",
    "Crisis",
    "Olympics",
    "Summit",
    "Offensive",
];

/// Capitalized names closing on an event's head word ([`EVENT_HEADS`]), and "World War" with
/// its number ("World War II"), are EVENTs: the training corpora name few events, and the tagger
/// calls "Cold War" OTHER or takes "Korean" in "Korean War" for a nationality. The name needs a
/// capitalized word before its head and no organization head in it ("Ministry of War"). What
/// the tagger called OTHER or a nationality inside it gives way; a person, place or organization
/// in it stays, and so does a mention reaching out of it: "the Iraq War" names a place, which
/// a reader lists among the article's places (and Universal NER marks so), and "NATO Summit" an
/// organization.
fn event_names(tokens: &[&str], found: &mut Vec<Scored>) {
    for run in capitalized_runs(tokens) {
        if run.words < 2 || run.head_end.is_some() {
            continue;
        }
        let numeral = |t: &str| matches!(t, "I" | "II" | "III" | "1" | "2" | "One" | "Two");
        // Only "World War" takes a number after it: in "the Cold War I think" the "I" is
        // the next clause's subject, and the run ends before it.
        let world_war = |war: usize| war >= 1 && tokens[war - 1] == "World" && tokens[war] == "War";
        let mut run_end = run.end;
        if run_end - run.start > 2
            && numeral(tokens[run_end - 1])
            && tokens[run_end - 2] == "War"
            && !world_war(run_end - 2)
        {
            run_end -= 1;
        }
        let last = tokens[run_end - 1];
        let end = if world_war(run_end - 1) && tokens.get(run_end).is_some_and(|t| numeral(t)) {
            run_end + 1
        } else if EVENT_HEADS.contains(&last) || (numeral(last) && world_war(run_end - 2)) {
            run_end
        } else {
            continue;
        };
        let start = run.start;
        let overlapping: Vec<usize> = (0..found.len())
            .filter(|&k| found[k].mention.start < end && start < found[k].mention.end)
            .collect();
        let inside = overlapping.iter().all(|&k| {
            let m = found[k].mention;
            m.start >= start
                && m.end <= end
                && matches!(
                    m.kind,
                    EntityType::Other | EntityType::Nationality | EntityType::Event
                )
        });
        if inside {
            let mention = Mention {
                start,
                end,
                kind: EntityType::Event,
            };
            merge_into(found, &overlapping, mention);
        }
    }
}

/// East Asian given names written as separate syllables ("Kim Jong Un", "Kim Il Sung", "Moon
/// Jae In") end in a short capitalized word that the tagger, reading "Un" or "In" as a word of
/// its own, sometimes leaves out ("Kim Jong" before "Un that ..."). A person's name of two or
/// more words whose last word is a syllable of at most four letters takes in such a word right
/// after it: capitalized, of two to four letters, in no other mention, and not a word that
/// news text usually writes in lower case (the casing lexicon), so that a headline's "Is" or
/// "Says" stays out.
fn syllable_names(tokens: &[&str], found: &mut [Scored], casing: &Casing) {
    let syllable = |t: &str| {
        let n = t.chars().count();
        (2..=4).contains(&n)
            && t.starts_with(char::is_uppercase)
            && t.chars().skip(1).all(char::is_lowercase)
    };
    for k in 0..found.len() {
        let m = found[k].mention;
        let next_taken = found.get(k + 1).is_some_and(|s| s.mention.start == m.end);
        let Some(&next) = tokens.get(m.end) else {
            continue;
        };
        if m.kind != EntityType::Person
            || m.end - m.start < 2
            || next_taken
            || !syllable(tokens[m.end - 1])
            || !syllable(next)
            || matches!(
                casing.class(&next.to_lowercase()),
                Some(casing::Class::Lower | casing::Class::MostlyLower)
            )
        {
            continue;
        }
        found[k].mention.end += 1;
    }
}

/// Two places written side by side without a comma ("Miramar California", "flights to miramar
/// florida") are two names in the names convention, as "Portland, Oregon" is: a place mention
/// ending in a country or US state, after a place the gazetteer knows, is split in two unless the
/// whole is a name of its own ("Papua New Guinea", "Kansas City"). A compass word or other
/// modifier before the country is no place, so "West Germany" and "Northern Ireland" stay whole;
/// so does a place the gazetteer lacks before the state ("Nenagh Ireland"), which the Twitter
/// corpora mark as one name.
fn split_place_pairs(tokens: &[&str], found: &mut Vec<Scored>, gazetteer: &Gazetteer) {
    let outer = PlaceKind::Country.bit() | PlaceKind::Region.bit();
    let mut k = 0;
    while k < found.len() {
        let m = found[k].mention;
        if m.kind != EntityType::Location || m.end - m.start < 2 {
            k += 1;
            continue;
        }
        let matches = gazetteer.find(&tokens[m.start..m.end]);
        let n = m.end - m.start;
        let whole = matches.iter().any(|g| g.start == 0 && g.end == n);
        let split = matches
            .iter()
            .filter(|g| g.end == n && g.start > 0 && g.kinds & outer != 0)
            .map(|g| g.start)
            .find(|&at| matches.iter().any(|g| g.start == 0 && g.end == at));
        match split {
            Some(at) if !whole => {
                let mut second = found[k];
                found[k].mention.end = m.start + at;
                second.mention.start = m.start + at;
                found.insert(k + 1, second);
                k += 2;
            }
            _ => k += 1,
        }
    }
}

/// The noun phrases GUM marks around the names a tagger finds in one sentence (`eval ner
/// --noun-phrase-edges`; measured on the named PERSON, ORGANIZATION and LOCATION mentions of GUM
/// train, never on dev):
///
/// - a possessive is part of its possessor ("Bangladesh 's": 296 of 301 names before one);
/// - "the" before an organization or place is part of it ("the Netherlands"), unless the name
///   modifies a word after it ("the Penn State campus", "the US navy"): 801 of 861 named
///   organizations and places just after or starting with "the" follow this, most of the rest
///   being a name before a verb the rule takes for a noun ("the Red Sox won"); before a
///   possessive it always is ("the UK 's");
/// - a place followed by a comma and a country or US state is one place ("Portland ,
///   Oregon"), unless the pair is in a list ("Sudan , Iran , Libya").
///
/// The committed model, trained with every corpus in the names convention, mostly finds the
/// bare name that Analyze reports; these are the edges GUM scores. Any name tagger's output
/// gains from them (spaCy's as much as ours on GUM dev), so compare systems with the edges on
/// both or on neither.
pub fn noun_phrase_edges(
    tokens: &[&str],
    found: &[Mention],
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let is_the = |i: usize| matches!(tokens.get(i), Some(&("the" | "The")));
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for (k, &original) in found.iter().enumerate() {
        let mut m = original;
        let is_possessive = |t: &str| matches!(t, "'s" | "’s" | "'S" | "’S");
        if tokens.get(m.end).is_some_and(|t| is_possessive(t)) {
            m.end += 1;
        }
        let possessive = m.end - m.start > 1 && is_possessive(tokens[m.end - 1]);
        let organization_or_place =
            matches!(m.kind, EntityType::Organization | EntityType::Location);
        let previous_ends_here = k > 0 && found[k - 1].end == m.start;
        let modifier = !possessive && modifies_next(tokens.get(m.end).copied());
        if organization_or_place
            && m.start > 0
            && is_the(m.start - 1)
            && !is_the(m.start)
            && !previous_ends_here
            && !modifier
        {
            m.start -= 1;
        } else if organization_or_place && is_the(m.start) && m.end - m.start > 1 && modifier {
            m.start += 1;
        }
        out.push(m);
    }
    let country_or_state = |m: &Mention| {
        let start = m.start + usize::from(is_the(m.start));
        start < m.end
            && gazetteer
                .lookup(&tokens[start..m.end].join(" "))
                .is_some_and(|g| {
                    g.kinds & (PlaceKind::Country.bit() | PlaceKind::Region.bit()) != 0
                })
    };
    let mut joined: Vec<Mention> = Vec::with_capacity(out.len());
    let mut k = 0;
    while k < out.len() {
        let a = out[k];
        if let Some(&b) = out.get(k + 1)
            && a.kind == EntityType::Location
            && b.kind == EntityType::Location
            && a.end + 1 == b.start
            && tokens[a.end] == ","
            && country_or_state(&b)
            && !country_or_state(&a)
            && joined.last().is_none_or(|p| p.end + 1 != a.start)
            && !matches!(tokens.get(b.end), Some(&("and" | "or")))
        {
            joined.push(Mention {
                start: a.start,
                end: b.end,
                kind: EntityType::Location,
            });
            k += 2;
            continue;
        }
        joined.push(a);
        k += 1;
    }
    joined
}

/// Whether a name before `next` modifies it ("the US navy", "the Penn State Wiki"), so that a
/// determiner before the name belongs to a longer noun phrase: a capitalized word, a hyphen, or
/// a lowercase content word other than a verb in "-ed" or "-s" or an adverb in "-ly".
fn modifies_next(next: Option<&str>) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "since",
        "into",
        "under",
        "over",
        "after",
        "before",
        "during",
        "about",
        "against",
        "through",
        "between",
        "among",
        "than",
        "if",
        "because",
        "while",
        "until",
        "unless",
        "although",
        "though",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "has",
        "had",
        "have",
        "having",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "do",
        "does",
        "did",
        "not",
        "also",
        "now",
        "then",
        "still",
        "already",
        "itself",
        "themselves",
        "himself",
        "herself",
        "said",
        "says",
        "say",
        "told",
        "according",
        "there",
        "here",
        "so",
        "yet",
        "just",
        "only",
        "even",
        "again",
        "too",
        "very",
    ];
    let Some(next) = next else {
        return false;
    };
    let Some(first) = next.chars().next() else {
        return false;
    };
    if matches!(next, "-" | "–") {
        return true;
    }
    if !first.is_alphanumeric() {
        return false;
    }
    if first.is_uppercase() {
        return true;
    }
    let lower = next.to_lowercase();
    let verb_or_adverb = lower.ends_with("ed")
        || lower.ends_with("ly")
        || (lower.ends_with('s') && !lower.ends_with("ss"));
    !FUNCTION_WORDS.contains(&lower.as_str()) && !verb_or_adverb
}

/// Words of four letters or more that headline styles may leave in lower case (AP capitalizes
/// them, Chicago does not): prepositions and conjunctions.
const HEADLINE_LOWER: &[&str] = &[
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before",
    "behind", "below", "beside", "between", "beyond", "despite", "down", "during", "from",
    "inside", "into", "like", "near", "onto", "over", "past", "since", "than", "that", "through",
    "toward", "towards", "under", "unless", "until", "upon", "versus", "when", "where", "while",
    "with", "within", "without",
];

/// Last words that make a capitalized name an organization's ("Korean Central News Agency",
/// "Russian Foreign Ministry", "Moscow Times", "Harrow School").
/// True for a word of [`ORGANIZATION_HEADS`] in any case. Asked of every capitalized token: an
/// ASCII word is compared without building its lowercase form (the heads are lowercase ASCII).
fn is_organization_head(word: &str) -> bool {
    if word.is_ascii() {
        ORGANIZATION_HEADS
            .iter()
            .any(|head| head.eq_ignore_ascii_case(word))
    } else {
        ORGANIZATION_HEADS.contains(&word.to_lowercase().as_str())
    }
}

const ORGANIZATION_HEADS: &[&str] = &[
    "agency",
    "ministry",
    "council",
    "committee",
    "university",
    "college",
    "school",
    "party",
    "times",
    "post",
    "news",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "bank",
    "corporation",
    "company",
    "corp",
    "inc",
    "institute",
    "association",
    "organization",
    "organisation",
    "union",
    "army",
    "navy",
    "forces",
    "court",
    "parliament",
    "assembly",
    "commission",
    "department",
    "office",
    "service",
    "group",
    "foundation",
    "fund",
    "bureau",
    "federation",
    "league",
    "club",
    "church",
    "senate",
    "congress",
    "administration",
    "government",
    "secretariat",
    "command",
    "guard",
    "police",
    "network",
    "broadcasting",
];

/// A run of capitalized words with the connectors inside it ("of", "for", "and", "on", "&",
/// "the", an apostrophe): "Korean Central News Agency", "Workers' Party of Korea".
struct CapitalizedRun {
    start: usize,
    end: usize,
    /// Capitalized words in it.
    words: usize,
    /// One past the last organization head word in it ([`ORGANIZATION_HEADS`]).
    head_end: Option<usize>,
}

fn capitalized_runs(tokens: &[&str]) -> Vec<CapitalizedRun> {
    let capitalized =
        |t: &str| t.starts_with(char::is_uppercase) && t.chars().any(char::is_lowercase);
    let connector = |t: &str| matches!(t, "of" | "for" | "and" | "on" | "&" | "the" | "'" | "’");
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalized(tokens[i]) || matches!(tokens[i], "The" | "A" | "An") {
            i += 1;
            continue;
        }
        let mut run = CapitalizedRun {
            start: i,
            end: i + 1,
            words: 0,
            head_end: None,
        };
        let mut j = i;
        while j < tokens.len() && (capitalized(tokens[j]) || (j > i && connector(tokens[j]))) {
            if is_organization_head(tokens[j]) {
                run.head_end = Some(j + 1);
            }
            if capitalized(tokens[j]) {
                run.words += 1;
                run.end = j + 1;
            }
            j += 1;
        }
        i = run.end;
        out.push(run);
    }
    out
}

/// Capitalized names ending in an organization head word are ORGANIZATIONs: the tagger's mentions
/// inside such a name give way to it, and a place or nationality it was called becomes the
/// organization ("Russian Foreign Ministry" tagged LOCATION). Newswire names its institutions
/// this way, and the training corpora have too few of them for the tagger to be sure.
///
/// So are names opening with a head word and "of" or "for" ("Department of Housing and Urban
/// Development", "Ministry of Foreign Affairs"), to the end of their capitalized run, where the
/// tagger found an organization or place at their start and nothing else in them: a "Bank of
/// America CEO Brian Moynihan" holds a person, and the organization ends before the title.
fn organization_names(tokens: &[&str], found: &mut Vec<Scored>) {
    for run in capitalized_runs(tokens) {
        let start = run.start;
        let head_first = || {
            is_organization_head(tokens[start])
                && matches!(tokens.get(start + 1), Some(&("of" | "for")))
                && run.end >= start + 3
                && found.iter().any(|s| {
                    s.mention.start == start
                        && matches!(
                            s.mention.kind,
                            EntityType::Organization | EntityType::Location
                        )
                })
                && found.iter().all(|s| {
                    s.mention.end <= start
                        || s.mention.start >= run.end
                        || matches!(
                            s.mention.kind,
                            EntityType::Organization | EntityType::Location
                        )
                })
        };
        let Some(head_end) = run
            .head_end
            .filter(|&h| h - start >= 2)
            .or_else(|| head_first().then_some(run.end))
        else {
            continue;
        };
        let overlapping: Vec<usize> = (0..found.len())
            .filter(|&k| found[k].mention.start < head_end && start < found[k].mention.end)
            .collect();
        // Give way only to mentions inside the name; one reaching outside is the tagger's call.
        let inside = overlapping
            .iter()
            .all(|&k| found[k].mention.start >= start && found[k].mention.end <= head_end);
        if inside {
            let mention = Mention {
                start,
                end: head_end,
                kind: EntityType::Organization,
            };
            merge_into(found, &overlapping, mention);
        }
    }
}

/// The entities of a segmented article: every BODY and HEADLINE sentence is tagged, and the
/// mentions are grouped into entities (see [`canonical`]). Debris, captions and repeated
/// paragraphs have no sentences, so they never yield an entity.
pub fn find_entities(
    text: &str,
    seg: &crate::text::Segmentation,
    recognizer: &Recognizer,
) -> Vec<Entity> {
    use crate::text::BlockKind;
    let lede = seg.blocks.iter().position(|b| b.kind == BlockKind::Body);
    let mut sentences = Vec::with_capacity(seg.sentences.len());
    for (sentence, tokens) in seg.sentence_tokens() {
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        let spans = split_place_compounds(text, spans, recognizer.gazetteer());
        let words: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        let weight = match seg.blocks.get(sentence.block).map(|b| b.kind) {
            Some(BlockKind::Headline) => 3.0,
            _ if Some(sentence.block) == lede => 2.0,
            _ => 1.0,
        };
        sentences.push(SentenceTokens {
            spans,
            words,
            weight,
        });
    }
    let words: Vec<&[&str]> = sentences.iter().map(|s| s.words.as_slice()).collect();
    let (mut found, headline_cased) = tag_document(recognizer, &words);
    prefer_prose_names(&sentences, &headline_cased, &mut found);
    let mut entities = canonical::group(&sentences, &found, recognizer.gazetteer());
    pronouns::attach(&sentences, &mut entities, recognizer.lexicons.names);
    canonical::rank(&sentences, &mut entities);
    entities
}

/// "Russia-North Korea ties", "Russian-North Korean cooperation": a hyphen between places (or
/// their demonyms) joins two names in one token, which the tagger would read as one name. Such
/// a token is split into its parts and the hyphens when every part before the last is a place
/// or demonym, and the last one is too, alone or with the next token ("North" + "Korea"), unless
/// the whole token is a place itself ("Guinea-Bissau", "Wilkes-Barre").
fn split_place_compounds(text: &str, spans: Vec<Span>, gazetteer: &Gazetteer) -> Vec<Span> {
    // A group named after a region joins another into one ("African-Americans").
    let part = |name: &str| {
        gazetteer
            .lookup(name)
            .is_some_and(|m| m.features || m.kinds & gazetteer::PlaceKind::Demonym.bit() == 0)
    };
    let splits = |i: usize| {
        let word = spans[i].slice(text);
        // (Cheap tests first: this looks at every token of every article.)
        if !word.contains('-') {
            return false;
        }
        let parts: Vec<&str> = word.split('-').collect();
        let Some((last, first)) = parts.split_last() else {
            return false;
        };
        parts
            .iter()
            .all(|p| p.starts_with(|c: char| c.is_uppercase()))
            && gazetteer.lookup(word).is_none()
            && first.iter().all(|p| part(p))
            && (part(last)
                || spans
                    .get(i + 1)
                    .is_some_and(|next| part(&format!("{last} {}", next.slice(text)))))
    };
    let split: Vec<usize> = (0..spans.len()).filter(|&i| splits(i)).collect();
    if split.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + 2 * split.len());
    for (i, &span) in spans.iter().enumerate() {
        if split.binary_search(&i).is_err() {
            out.push(span);
            continue;
        }
        let mut start = span.start;
        for (at, _) in span.slice(text).match_indices('-') {
            let hyphen = span.start + at;
            out.push(Span::new(start, hyphen));
            out.push(Span::new(hyphen, hyphen + 1));
            start = hyphen + 1;
        }
        out.push(Span::new(start, span.end));
    }
    out
}

/// The mentions the tagger finds in an article's sentences: a sentence in Title Case or ALL
/// CAPS is truecased first, then the article is tagged ([`Recognizer::recognize_document`]),
/// then two slips are repaired ([`join_split_names`]). The flags say which sentences were
/// truecased.
fn tag_document(recognizer: &Recognizer, sentences: &[&[&str]]) -> (Vec<Found>, Vec<bool>) {
    let truecased: Vec<Option<Vec<String>>> =
        sentences.iter().map(|w| recognizer.truecase(w)).collect();
    let read: Vec<Vec<&str>> = sentences
        .iter()
        .zip(&truecased)
        .map(|(words, truecased)| match truecased {
            Some(t) => t.iter().map(String::as_str).collect(),
            None => words.to_vec(),
        })
        .collect();
    let read: Vec<&[&str]> = read.iter().map(Vec::as_slice).collect();
    let mut found = Vec::new();
    for (index, (words, tagged)) in sentences
        .iter()
        .zip(recognizer.recognize_document(&read, Convention::Names))
        .enumerate()
    {
        found.extend(
            join_split_names(words, tagged)
                .into_iter()
                .map(|scored| Found {
                    sentence: index,
                    tokens: (scored.mention.start, scored.mention.end),
                    kind: scored.mention.kind,
                    confidence: scored.confidence,
                }),
        );
    }
    (found, truecased.iter().map(Option::is_some).collect())
}

/// In a headline, capitals say nothing and truecasing can only guess which capitalized words
/// belong to a name ("Russian Foreign Ministry Slams New Sanctions" read as "Ministry Slams
/// New"). The article's prose spells its names out: a name of two or more words found in a
/// sentence that needed no truecasing, occurring verbatim in one that did, is that name there
/// too, and the tagger's guesses overlapping it give way.
fn prefer_prose_names(
    sentences: &[SentenceTokens<'_>],
    headline_cased: &[bool],
    found: &mut Vec<Found>,
) {
    if !headline_cased.iter().any(|&h| h) {
        return;
    }
    // (tokens, type, confidence) of the prose's multi-word names; longest first.
    let mut names: Vec<(&[&str], EntityType, f32)> = found
        .iter()
        .filter(|f| !headline_cased[f.sentence] && f.tokens.1 - f.tokens.0 >= 2)
        .map(|f| {
            let mut words = &sentences[f.sentence].words[f.tokens.0..f.tokens.1];
            // "The Russian Foreign Ministry": the determiner is no part of the name.
            if matches!(words[0], "the" | "The" | "THE") {
                words = &words[1..];
            }
            (words, f.kind, f.confidence)
        })
        .filter(|(words, _, _)| words.len() >= 2 && words[0].starts_with(char::is_uppercase))
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
    names.dedup_by(|a, b| a.0 == b.0);
    let mut added = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        if !headline_cased[s] {
            continue;
        }
        let words = &sentence.words;
        let mut taken = vec![false; words.len()];
        for &(name, kind, confidence) in &names {
            let n = name.len();
            for start in 0..words.len().saturating_sub(n - 1) {
                let end = start + n;
                if words[start..end] == *name && !taken[start..end].iter().any(|&t| t) {
                    taken[start..end].fill(true);
                    added.push(Found {
                        sentence: s,
                        tokens: (start, end),
                        kind,
                        confidence,
                    });
                }
            }
        }
        if taken.iter().any(|&t| t) {
            found.retain(|f| f.sentence != s || !taken[f.tokens.0..f.tokens.1].iter().any(|&t| t));
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.sentence, f.tokens.0));
    }
}

/// The name mentions of a document given as tokenized sentences, as [`find_entities`] reports
/// them: each sentence tagged, the mentions grouped into entities (which adds the occurrences of
/// a name the tagger missed and gives every mention its entity's type), and each name mention
/// returned with its entity's type, per sentence, in order. This is what the evaluation on
/// annotated corpora scores, whose tokens are given.
pub fn document_mentions(recognizer: &Recognizer, sentences: &[Vec<&str>]) -> Vec<Vec<Mention>> {
    // Token spans in an imagined text: tokens one space apart, sentences one newline apart.
    let mut offset = 0;
    let mut tokens = Vec::with_capacity(sentences.len());
    for words in sentences {
        let spans: Vec<crate::span::Span> = words
            .iter()
            .map(|w| {
                let span = crate::span::Span::new(offset, offset + w.len());
                offset += w.len() + 1;
                span
            })
            .collect();
        tokens.push(SentenceTokens {
            words: words.clone(),
            spans,
            weight: 1.0,
        });
    }
    let words: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
    let (mut found, headline_cased) = tag_document(recognizer, &words);
    // Token positions by span start and end.
    let mut starts = std::collections::HashMap::new();
    let mut ends = std::collections::HashMap::new();
    for (s, sentence) in tokens.iter().enumerate() {
        for (i, span) in sentence.spans.iter().enumerate() {
            starts.insert(span.start, (s, i));
            ends.insert(span.end, (s, i + 1));
        }
    }
    prefer_prose_names(&tokens, &headline_cased, &mut found);
    let mut out = vec![Vec::new(); sentences.len()];
    for entity in canonical::group(&tokens, &found, recognizer.gazetteer()) {
        for m in entity
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
        {
            if let (Some(&(s, start)), Some(&(s2, end))) =
                (starts.get(&m.span.start), ends.get(&m.span.end))
                && s == s2
            {
                out[s].push(Mention {
                    start,
                    end,
                    kind: entity.kind,
                });
            }
        }
    }
    for mentions in &mut out {
        mentions.sort();
        mentions.dedup();
    }
    out
}

/// Repairs two tagger slips that grouping cannot: a first name the tagger took for a place
/// right before a surname it took for a person ("Vladimir" + "Putin", Vladimir being a city) is
/// one person; a lone month or weekday name ("Aug", "Monday") is a date, not a name.
fn join_split_names(words: &[&str], tagged: Vec<model::Scored>) -> Vec<model::Scored> {
    const CALENDAR: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let mut out: Vec<model::Scored> = Vec::with_capacity(tagged.len());
    for scored in tagged {
        let m = scored.mention;
        if m.end - m.start == 1
            && CALENDAR.contains(&words[m.start].trim_end_matches('.').to_lowercase().as_str())
        {
            continue;
        }
        if let Some(prev) = out.last_mut()
            && prev.mention.end == m.start
            && prev.mention.end - prev.mention.start == 1
            && m.end - m.start == 1
            && m.kind == EntityType::Person
            && prev.mention.kind != EntityType::Nationality
            && words[prev.mention.start].starts_with(char::is_uppercase)
        {
            prev.mention.end = m.end;
            prev.mention.kind = EntityType::Person;
            prev.confidence = prev.confidence.min(scored.confidence);
            continue;
        }
        out.push(scored);
    }
    out
}

/// The training corpora under the shared `ner/` folder, by name.
pub const CORPORA: [&str; 4] = ["gum", "btc", "wnut17", "wikigold"];

/// Reads the training corpora under `dir` (the shared `ner/` folder): GUM train, the Broad
/// Twitter Corpus, WNUT-17 and WikiGold, each repeated `weight` times (`weights` pairs a name from
/// [`CORPORA`] with its weight; a corpus not named is left out). Labels are mapped to Parallax's
/// types; a MISC mention that is a demonym becomes NATIONALITY; GUM sentences whose named mentions
/// span clauses or lists ("London, where I was amazed ...") are left out, since no name tagger
/// should learn them.
///
/// With `gum_as_names`, GUM's noun-phrase mentions are first cut to the names the other corpora
/// mark ([`gum_names`]), so that every corpus teaches one convention.
pub fn training_corpus(
    dir: &std::path::Path,
    gazetteer: &Gazetteer,
    weights: &[(String, usize)],
    gum_as_names: bool,
) -> std::io::Result<Vec<conll::Sentence>> {
    let list = |sub: &str, ext: &str| -> std::io::Result<Vec<std::path::PathBuf>> {
        let mut found: Vec<_> = std::fs::read_dir(dir.join(sub))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .collect();
        found.sort();
        Ok(found)
    };
    let mut out = Vec::new();
    for (name, weight) in weights {
        let files = match name.as_str() {
            "gum" => list("gum/train", "conllu")?,
            "btc" => list("btc", "conll")?,
            "wnut17" => list("wnut17", "conll")?,
            "wikigold" => vec![dir.join("wikigold.conll")],
            other => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("unknown corpus {other:?}; known: {}", CORPORA.join(", ")),
                ));
            }
        };
        let mut sentences = Vec::new();
        for path in files {
            let text = std::fs::read_to_string(&path)?;
            sentences.extend(usable_sentences(
                &text,
                name == "gum",
                gum_as_names,
                gazetteer,
            ));
        }
        // A Twitter corpus is one file of unrelated tweets: each is a document of its own.
        if matches!(name.as_str(), "btc" | "wnut17") {
            for s in &mut sentences {
                s.new_document = true;
            }
        }
        for _ in 0..*weight {
            out.extend(sentences.iter().cloned());
        }
        // Web text is often written in lower case ("tampa bay"): every `LOWERCASE_EVERY`th
        // sentence is added again in lower case, labels kept, so that casing is a cue the model
        // weighs rather than a rule it cannot do without (Mayhew et al. 2019).
        out.extend(
            sentences
                .iter()
                .step_by(LOWERCASE_EVERY)
                .map(|s| conll::Sentence {
                    tokens: s.tokens.iter().map(|t| t.to_lowercase()).collect(),
                    mentions: s.mentions.clone(),
                    new_document: true,
                    convention: s.convention,
                }),
        );
    }
    Ok(out)
}

/// See [`training_corpus`].
const LOWERCASE_EVERY: usize = 6;

fn usable_sentences(
    text: &str,
    gum: bool,
    as_names: bool,
    gazetteer: &Gazetteer,
) -> Vec<conll::Sentence> {
    let mut out = Vec::new();
    for mut sentence in conll::parse(text) {
        if gum && as_names {
            gum_names(&mut sentence);
        }
        if gum
            && sentence.mentions.iter().any(|m| {
                m.end - m.start > 6
                    || sentence.tokens[m.start..m.end]
                        .iter()
                        .any(|t| matches!(t.as_str(), "," | "(" | ")" | ";" | ":"))
            })
        {
            continue;
        }
        for m in &mut sentence.mentions {
            if matches!(m.kind, EntityType::Other | EntityType::Location) {
                let words = sentence.tokens[m.start..m.end].join(" ");
                // (Country demonyms only: the committed model was trained before the team's
                // regional ones, and retraining it must give the same file.)
                if gazetteer
                    .lookup(&words)
                    .is_some_and(|g| g.kinds == PlaceKind::Demonym.bit() && g.features)
                {
                    m.kind = EntityType::Nationality;
                }
            }
        }
        out.push(sentence);
    }
    out
}

/// Cuts a GUM sentence's named mentions to the names the other corpora mark, the inverse of
/// [`noun_phrase_edges`]: no leading "the" ("the Netherlands" is "Netherlands"), no possessive
/// ("Bangladesh 's"), a place joined to its state or country by a comma split in two
/// ("Portland , Oregon" is "Portland" and "Oregon"), and a one-word title before "of" and a
/// place no person's name ("President of the United States" is "United States").
pub fn gum_names(sentence: &mut conll::Sentence) {
    let tokens = &sentence.tokens;
    let gold = sentence.mentions.clone();
    let mut out: Vec<Mention> = Vec::with_capacity(gold.len());
    for m in &gold {
        let (mut start, mut end) = (m.start, m.end);
        // "Emperor of the United States": the place inside is the name.
        if m.kind == EntityType::Person
            && tokens.get(start + 1).is_some_and(|t| t == "of")
            && gold.iter().any(|p| {
                p.kind == EntityType::Location
                    && p.end == end
                    && (p.start == start + 2
                        || (p.start == start + 3 && tokens[start + 2] == "the"))
            })
        {
            continue;
        }
        // "Portland , Oregon": two places.
        if m.kind == EntityType::Location
            && let Some(comma) = (start + 1..end).find(|&i| tokens[i] == ",")
            && !tokens[comma + 1..end].iter().any(|t| t == ",")
            && gold
                .iter()
                .any(|p| p.kind == EntityType::Location && p.start == comma + 1 && p.end == end)
        {
            end = comma;
        }
        if end > start + 1 && matches!(tokens[end - 1].as_str(), "'s" | "’s" | "'S" | "’S") {
            end -= 1;
        }
        if end > start + 1 && matches!(tokens[start].as_str(), "the" | "The" | "THE") {
            start += 1;
        }
        out.push(Mention {
            start,
            end,
            kind: m.kind,
        });
    }
    out.sort();
    out.dedup();
    sentence.mentions = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    const PER: EntityType = EntityType::Person;
    const ORG: EntityType = EntityType::Organization;
    const LOC: EntityType = EntityType::Location;
    const NAT: EntityType = EntityType::Nationality;
    const OTHER: EntityType = EntityType::Other;
    const EVENT: EntityType = EntityType::Event;

    fn spans(mentions: &[(usize, usize, EntityType)]) -> Vec<Mention> {
        mentions
            .iter()
            .map(|&(start, end, kind)| Mention { start, end, kind })
            .collect()
    }

    /// A sentence (tokens split on spaces), the mentions a tagger found in it, and the mentions
    /// a rule should leave: (start, end, type) each.
    type Case = (
        &'static str,
        &'static [(usize, usize, EntityType)],
        &'static [(usize, usize, EntityType)],
    );

    /// Runs `rule` over every case's mentions and checks what it leaves.
    fn check_rule(cases: &[Case], rule: impl Fn(&[&str], &mut Vec<Scored>)) {
        for &(sentence, found, want) in cases {
            let tokens: Vec<&str> = sentence.split(' ').collect();
            let mut scored: Vec<Scored> = spans(found)
                .into_iter()
                .map(|mention| Scored {
                    mention,
                    confidence: 1.0,
                })
                .collect();
            rule(&tokens, &mut scored);
            let got: Vec<Mention> = scored.into_iter().map(|s| s.mention).collect();
            assert_eq!(got, spans(want), "{sentence}");
        }
    }

    #[test]
    fn names_convention_cuts_common_noun_tails_and_splits_place_pairs() {
        let cases: &[Case] = &[
            (
                "the Eastern Wire news agency reported",
                &[(1, 5, ORG)],
                &[(1, 3, ORG)],
            ),
            ("the Korean peninsula", &[(1, 3, LOC)], &[(1, 3, LOC)]),
            ("in Russian-occupied Donbas", &[(1, 3, PER)], &[(2, 3, PER)]),
            ("the Russia-Ukraine war", &[(1, 2, LOC)], &[(1, 2, LOC)]),
            ("near tampa bay today", &[(1, 3, LOC)], &[(1, 3, LOC)]),
            (
                "flew to Miramar California",
                &[(2, 4, LOC)],
                &[(2, 3, LOC), (3, 4, LOC)],
            ),
            (
                "flew to miramar florida",
                &[(2, 4, LOC)],
                &[(2, 3, LOC), (3, 4, LOC)],
            ),
            ("in Papua New Guinea", &[(1, 4, LOC)], &[(1, 4, LOC)]),
            ("in West Germany", &[(1, 3, LOC)], &[(1, 3, LOC)]),
            ("in Nenagh Ireland", &[(1, 3, LOC)], &[(1, 3, LOC)]),
        ];
        check_rule(cases, |tokens, found| {
            for s in found.iter_mut() {
                s.mention = name_edges(tokens, s.mention);
            }
            split_place_pairs(tokens, found, Gazetteer::builtin());
        });
    }

    #[test]
    fn a_republic_is_one_place_across_its_possessive() {
        let cases: &[Case] = &[
            (
                "Donetsk People ’s Republic leader Denis Pushilin",
                &[(0, 1, LOC), (3, 4, LOC), (5, 7, PER)],
                &[(0, 4, LOC), (5, 7, PER)],
            ),
            (
                "the Democratic People 's Republic of Korea said",
                &[(1, 2, ORG), (6, 7, LOC)],
                &[(1, 7, LOC)],
            ),
            // The name ends at "Republic": the title and the person after it stay apart.
            (
                "Czech Republic President Petr Pavel",
                &[(0, 2, LOC), (3, 5, PER)],
                &[(0, 2, LOC), (3, 5, PER)],
            ),
        ];
        check_rule(cases, republic_names);
    }

    #[test]
    fn named_wars_and_revolutions_are_events() {
        let cases: &[Case] = &[
            // The tagger's OTHER and its nationality give way to the event.
            (
                "since the Cold War ended",
                &[(2, 4, OTHER)],
                &[(2, 4, EVENT)],
            ),
            (
                "veterans of the Korean War",
                &[(3, 4, NAT)],
                &[(3, 5, EVENT)],
            ),
            // Nothing tagged: the name alone is enough.
            ("after the Great Patriotic War .", &[], &[(2, 5, EVENT)]),
            // The number after "World War" is part of it, in either spelling.
            (
                "the end of World War II in Asia",
                &[(7, 8, LOC)],
                &[(3, 6, EVENT), (7, 8, LOC)],
            ),
            ("before World War Two began", &[], &[(1, 4, EVENT)]),
            // Only "World War" takes a number: here "I" opens the next clause.
            ("since the Cold War I think", &[], &[(2, 4, EVENT)]),
            ("the October Revolution of 1917", &[], &[(1, 3, EVENT)]),
            // A person, place or organization in it, an organization's name, one word, or a
            // lower-case head: not events.
            ("Kim Jong Un War", &[(0, 3, PER)], &[(0, 3, PER)]),
            ("the Iraq War began", &[(1, 2, LOC)], &[(1, 2, LOC)]),
            ("at the NATO Summit", &[(2, 3, ORG)], &[(2, 3, ORG)]),
            ("the Ministry of War said", &[(1, 4, ORG)], &[(1, 4, ORG)]),
            ("the War ended", &[], &[]),
            (
                "a Russian war on Ukraine",
                &[(1, 2, NAT), (4, 5, LOC)],
                &[(1, 2, NAT), (4, 5, LOC)],
            ),
        ];
        check_rule(cases, event_names);
    }

    #[test]
    fn a_syllable_given_name_keeps_its_last_syllable() {
        let cases: &[(&str, (usize, usize), usize)] = &[
            ("he told Kim Jong Un that ties grow", (2, 4), 5),
            ("with Kim Il Sung in Pyongyang", (1, 3), 4),
            // A word news writes in lower case, a long word, a name of long words.
            ("Kim Jong Says Ties Grow", (0, 2), 2),
            ("met Kim Jong Thursday", (1, 3), 3),
            ("met Vladimir Putin Jr", (1, 3), 3),
        ];
        for &(sentence, (start, end), want) in cases {
            let tokens: Vec<&str> = sentence.split(' ').collect();
            let mut found = vec![Scored {
                mention: Mention {
                    start,
                    end,
                    kind: PER,
                },
                confidence: 1.0,
            }];
            syllable_names(&tokens, &mut found, Casing::builtin());
            assert_eq!(found[0].mention.end, want, "{sentence}");
        }
    }

    #[test]
    fn names_widen_to_gum_noun_phrases() {
        let cases: &[Case] = &[
            (
                "I live in Portland , Oregon .",
                &[(3, 4, LOC), (5, 6, LOC)],
                &[(3, 6, LOC)],
            ),
            (
                "from Sudan , Iran , Libya and Yemen",
                &[(1, 2, LOC), (3, 4, LOC), (5, 6, LOC), (7, 8, LOC)],
                &[(1, 2, LOC), (3, 4, LOC), (5, 6, LOC), (7, 8, LOC)],
            ),
            (
                "in Dhaka , Bangladesh and Lahore",
                &[(1, 2, LOC), (3, 4, LOC), (5, 6, LOC)],
                &[(1, 2, LOC), (3, 4, LOC), (5, 6, LOC)],
            ),
            ("the Netherlands is flat", &[(1, 2, LOC)], &[(0, 2, LOC)]),
            ("by the Red Cross .", &[(2, 4, ORG)], &[(1, 4, ORG)]),
            ("the US navy attacked", &[(1, 2, LOC)], &[(1, 2, LOC)]),
            ("the Penn State Wiki", &[(0, 3, ORG)], &[(1, 3, ORG)]),
            ("the UK 's best school", &[(1, 2, LOC)], &[(0, 3, LOC)]),
            ("the UK 's best school", &[(1, 3, LOC)], &[(0, 3, LOC)]),
            ("Bangladesh 's capital", &[(0, 1, LOC)], &[(0, 2, LOC)]),
            ("the Emperor Norton said", &[(1, 3, PER)], &[(1, 3, PER)]),
            ("Byron ’s poems", &[(0, 1, PER)], &[(0, 2, PER)]),
        ];
        let gazetteer = Gazetteer::builtin();
        for &(sentence, found, want) in cases {
            let tokens: Vec<&str> = sentence.split(' ').collect();
            assert_eq!(
                noun_phrase_edges(&tokens, &spans(found), gazetteer),
                spans(want),
                "{sentence}"
            );
        }
    }

    #[test]
    fn gum_noun_phrases_cut_to_names() {
        let cases: &[Case] = &[
            ("in the Netherlands", &[(1, 3, LOC)], &[(2, 3, LOC)]),
            ("Bangladesh 's capital", &[(0, 2, LOC)], &[(0, 1, LOC)]),
            (
                "to Portland , Oregon .",
                &[(1, 4, LOC), (3, 4, LOC)],
                &[(1, 2, LOC), (3, 4, LOC)],
            ),
            (
                "Amsterdam , the Netherlands",
                &[(0, 4, LOC), (2, 4, LOC)],
                &[(0, 1, LOC), (3, 4, LOC)],
            ),
            (
                "Emperor of the United States",
                &[(0, 5, PER), (2, 5, LOC)],
                &[(3, 5, LOC)],
            ),
            ("London , where I was", &[(0, 5, LOC)], &[(0, 5, LOC)]),
            ("the Emperor Norton", &[(0, 3, PER)], &[(1, 3, PER)]),
        ];
        for &(sentence, gold, want) in cases {
            let mut s = conll::Sentence {
                tokens: sentence.split(' ').map(String::from).collect(),
                mentions: spans(gold),
                ..conll::Sentence::default()
            };
            gum_names(&mut s);
            assert_eq!(s.mentions, spans(want), "{sentence}");
        }
    }

    #[test]
    fn groups_named_after_a_region_are_nationalities() {
        let recognizer = Recognizer::builtin();
        let gazetteer = recognizer.gazetteer();
        for name in [
            "Northeast Asian",
            "Latin Americans",
            "Middle Eastern",
            "European",
            "Korean",
        ] {
            let m = gazetteer.lookup(name).expect(name);
            assert_eq!(m.kinds, PlaceKind::Demonym.bit(), "{name}");
            assert!(!m.features, "{name} is no tagger feature");
        }
        // (One group, not two nationalities.)
        assert_eq!(
            split_place_compounds("African-Americans", vec![Span::new(0, 17)], gazetteer).len(),
            1
        );
        let sentences: Vec<Vec<&str>> = [
            "Leaders of the Northeast Asian economies met in Busan on Friday .",
            "European and Latin American diplomats said the Northeast Asian talks would go on .",
            "The European Council met in Brussels .",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let mentions = document_mentions(&recognizer, &sentences);
        let kind_of = |s: usize, words: &str| {
            let n = words.split(' ').count();
            mentions[s]
                .iter()
                .find(|m| sentences[s][m.start..m.end].join(" ") == words && m.end - m.start == n)
                .map(|m| m.kind)
        };
        assert_eq!(kind_of(0, "Northeast Asian"), Some(EntityType::Nationality));
        assert_eq!(kind_of(1, "Northeast Asian"), Some(EntityType::Nationality));
        assert_eq!(kind_of(1, "European"), Some(EntityType::Nationality));
        assert_eq!(kind_of(1, "Latin American"), Some(EntityType::Nationality));
        assert!(
            mentions[..2]
                .iter()
                .flatten()
                .all(|m| m.kind != EntityType::Organization),
            "{mentions:?}"
        );
        // Before a capitalized word, such a group begins a name.
        assert!(
            mentions[2]
                .iter()
                .all(|m| m.kind != EntityType::Nationality),
            "{mentions:?}"
        );
    }

    #[test]
    fn a_demonym_closing_a_place_is_a_nationality() {
        let recognizer = Recognizer::builtin();
        let tokens: Vec<&str> =
            "the Korean patriots fought Imperial Japanese occupation in Manchuria"
                .split(' ')
                .collect();
        // As a tagger might have it: "Korean" OTHER, "Imperial Japanese" a place.
        let found: Vec<Scored> = [(1, 2, OTHER), (4, 6, LOC), (8, 9, LOC)]
            .into_iter()
            .map(|(start, end, kind)| Scored {
                mention: Mention { start, end, kind },
                confidence: 0.9,
            })
            .collect();
        let places = recognizer.lexicons.gazetteer.find(&tokens);
        let got: Vec<Mention> = recognizer
            .finish(&tokens, &places, found, Convention::Names)
            .into_iter()
            .map(|s| s.mention)
            .collect();
        assert_eq!(got, spans(&[(1, 2, NAT), (5, 6, NAT), (8, 9, LOC)]));
    }
}
