//! From mentions to entities: one entity per person, organization, place or nationality of an
//! article, with every mention, one canonical name, its aliases and roles, salience and
//! confidence.
//!
//! News names people in a fixed pattern: a full name with a title on first mention ("Russian
//! President Vladimir Putin"), the surname after that ("Putin"), and role nouns in between ("the
//! Russian leader"). Organizations come as an expansion and an acronym ("Korean Central News
//! Agency", "KCNA"); places in several spellings ("Lugansk", "Luhansk"). Grouping follows that
//! pattern, in text order:
//! 1. a name whose words (lowercased, without diacritics, hyphens or a possessive) equal an
//!    entity's alias is that entity; a place takes the gazetteer's canonical spelling first;
//! 2. an acronym is the entity whose name's initials it spells, and the other way round;
//! 3. a one- or two-word person name that begins or ends an earlier person's full name is that
//!    person (the one named most often so far, so "Kim" after "Kim Jong Un" is him, not "Kim Yo
//!    Jong" named once); a full name that extends an earlier lone surname takes it over;
//! 4. titles before a person's name, and an appositive after it ("Alexander Matsegora, Russia's
//!    ambassador to North Korea,"), become roles; a later "the Russian leader" or "the
//!    ambassador" whose role noun and nationality fit a person's roles is a NOMINAL mention of the
//!    most recently named such person;
//! 5. a consistency pass: every other occurrence of an entity's name in the prose is a mention
//!    too, and the entity's type is the vote of its mentions ("a name tagged PERSON once is PERSON
//!    throughout").

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::EntityType;
use super::gazetteer::{Gazetteer, PlaceKind};
use crate::span::Span;

/// How an entity is referred to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// By name ("Vladimir Putin", "Putin", "KCNA").
    Name,
    /// By a role noun phrase ("the Russian leader").
    Nominal,
    /// By a pronoun ("he", "she"), resolved by [`super::pronouns`] after the grouping.
    Pronoun,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    /// Byte span in the caller's text.
    pub span: Span,
    /// Name, role or pronoun.
    pub kind: MentionKind,
    /// The tagger's confidence (1.0 for mentions found by the consistency pass of a name the
    /// tagger found elsewhere, the confidence of that name).
    pub confidence: f32,
}

/// One entity of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// `e1`, `e2`, ... in order of salience.
    pub id: String,
    /// The canonical name: the fullest name form, the gazetteer's spelling for a place, the
    /// expansion of an acronym.
    pub name: String,
    /// Its type.
    pub kind: EntityType,
    /// Every mention, in text order.
    pub mentions: Vec<EntityMention>,
    /// Other names it goes by in this article ("Putin", "Kim Jong-un", "KCNA"), without the
    /// canonical name.
    pub aliases: Vec<String>,
    /// Titles and roles given to it ("Russian President", "Russia's ambassador to North Korea").
    pub roles: Vec<String>,
    /// How central it is to the article, in (0, 1]: the most salient entity has 1.
    pub salience: f32,
    /// Noisy-or of its name mentions' confidences.
    pub confidence: f32,
}

/// A recognized mention with byte offsets, as the grouping pass takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Sentence index.
    pub sentence: usize,
    /// Token indices into the sentence's tokens, `[start, end)`.
    pub tokens: (usize, usize),
    /// Type from the tagger.
    pub kind: EntityType,
    /// Tagger confidence.
    pub confidence: f32,
}

/// One sentence's tokens as the grouping pass sees them.
#[derive(Debug, Clone)]
pub struct SentenceTokens<'t> {
    /// Token texts.
    pub words: Vec<&'t str>,
    /// Token spans.
    pub spans: Vec<Span>,
    /// Weight of a mention here for salience: headline 3, lede 2, elsewhere 1.
    pub weight: f32,
}

/// Titles that precede a person's name and are not part of it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "president",
    "premier",
    "prime",
    "minister",
    "chancellor",
    "leader",
    "supreme",
    "chairman",
    "chairwoman",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "major",
    "maj",
    "capt",
    "captain",
    "admiral",
    "adm",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "ambassador",
    "secretary",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "vice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "archbishop",
    "bishop",
    "cardinal",
    "patriarch",
    "rabbi",
    "imam",
    "reverend",
    "rev",
    "pastor",
    "judge",
    "justice",
    "comrade",
    "marshal",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "commander",
];

/// Role nouns: the last word of a role phrase, and the head of a nominal mention.
const ROLE_NOUNS: &[&str] = &[
    "president",
    "premier",
    "minister",
    "chancellor",
    "leader",
    "chairman",
    "chairwoman",
    "general",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "secretary",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "commander",
    "official",
    "diplomat",
    "dictator",
    "ruler",
    "head",
    "lawmaker",
    "analyst",
    "expert",
    "professor",
    "editor",
    "correspondent",
    "sister",
    "brother",
    "wife",
    "husband",
    "daughter",
    "son",
    "founder",
    "ceo",
    "judge",
    "marshal",
    "pundit",
    "host",
    "commentator",
    "journalist",
    "columnist",
    "adviser",
    "advisor",
    "strategist",
    "activist",
    "researcher",
    "scholar",
    "historian",
    "economist",
];

/// Nouns that introduce an outlet's name ("the newspaper Izvestia") or follow it ("the Eastern
/// Wire news agency").
const MEDIA_NOUNS: &[&str] = &[
    "media",
    "newspaper",
    "daily",
    "agency",
    "outlet",
    "broadcaster",
    "paper",
    "tabloid",
    "network",
    "channel",
    "website",
    "magazine",
    "weekly",
    "tv",
    "radio",
];

/// True for a word naming a kind of outlet ("agency", "newspaper", "Daily", "news").
pub(crate) fn is_media_noun(word: &str) -> bool {
    let word = fold(word);
    word == "news" || MEDIA_NOUNS.contains(&word.as_str())
}

/// Seats of government that news copy uses for the government itself ("the Kremlin said", "the
/// White House declined to comment"), as folded name words. They speak and decide, so they are
/// organizations, whatever the tagger guessed: none of the training corpora has enough of them
/// to learn it ("Kremlin" came out a person).
const SEATS_OF_GOVERNMENT: &[&[&str]] = &[
    &["kremlin"],
    &["white", "house"],
    &["pentagon"],
    &["downing", "street"],
    &["whitehall"],
    &["elysee"],
    &["elysee", "palace"],
    &["blue", "house"],
    &["zhongnanhai"],
    &["quai", "d", "orsay"],
    &["capitol", "hill"],
    &["foggy", "bottom"],
];

/// Compass words that news copy puts before a place in lower case ("eastern Ukraine"): a part
/// of the place, not of its name.
const REGION_MODIFIERS: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
];

/// Role nouns that name the same position: "the Russian leader" may be the Russian president.
fn same_role(a: &str, b: &str) -> bool {
    const HEADS_OF_STATE: &[&str] = &[
        "president",
        "leader",
        "premier",
        "chairman",
        "ruler",
        "dictator",
        "king",
        "queen",
        "chancellor",
    ];
    a == b || (HEADS_OF_STATE.contains(&a) && HEADS_OF_STATE.contains(&b))
}

/// Words skipped when spelling an acronym ("Democratic People's Republic of Korea" = DPRK).
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "s", "in", "on", "de", "la", "&"];

/// True for a title that precedes a person's name and is not part of it ("Mr.", "President").
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&fold(word).as_str())
}

/// A word as grouping compares it: letters and digits only, lowercased, without diacritics.
///
/// Most words of English news are ASCII, which has nothing to decompose, and for which the
/// Unicode alphanumeric and lowercase mappings are the ASCII ones: they are folded byte by byte,
/// with the same result as the general path and a tenth of its cost (grouping folds every name
/// word several times; the decomposing iterator made `fold` 5% of Analyze).
fn fold(word: &str) -> String {
    if word.is_ascii() {
        let mut folded = Vec::with_capacity(word.len());
        folded.extend(
            word.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase()),
        );
        return String::from_utf8(folded).expect("ASCII letters and digits are UTF-8");
    }
    fold_unicode(word)
}

/// [`fold`] of any word: decomposed, marks and punctuation dropped, lowercased.
fn fold_unicode(word: &str) -> String {
    word.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a name: alphanumeric runs, folded; hyphens and apostrophes split words
/// ("Jong-un" -> "jong", "un"); a final possessive is dropped.
fn name_words(tokens: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for token in tokens {
        if matches!(*token, "'s" | "’s" | "'" | "’") {
            continue;
        }
        for piece in token.split(|c: char| !c.is_alphanumeric()) {
            let folded = fold(piece);
            if !folded.is_empty() {
                words.push(folded);
            }
        }
    }
    words
}

fn is_acronym(token: &str) -> bool {
    let (mut letters, mut capitals) = (0, true);
    for c in token.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        capitals &= c.is_uppercase();
    }
    (2..=6).contains(&letters) && capitals && token.chars().all(|c| c.is_alphabetic() || c == '.')
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !ACRONYM_SKIP.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[derive(Debug)]
struct Draft {
    votes: HashMap<EntityType, f32>,
    /// Name forms: (folded words, surface text of its first use).
    forms: Vec<(Vec<String>, String)>,
    /// Every distinct surface text, in order of first use.
    surfaces: Vec<String>,
    /// Canonical spelling from the gazetteer, for places.
    place: Option<String>,
    mentions: Vec<(usize, usize, usize, MentionKind, f32)>,
    roles: Vec<String>,
    role_heads: Vec<String>,
    role_words: Vec<String>,
    name_mentions: usize,
    last_seen: usize,
}

impl Draft {
    fn kind(&self) -> EntityType {
        self.votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map_or(EntityType::Other, |(k, _)| *k)
    }

    fn longest(&self) -> &[String] {
        self.forms
            .iter()
            .map(|(w, _)| w.as_slice())
            .fold(
                &[][..],
                |best, w| if w.len() > best.len() { w } else { best },
            )
    }

    fn has_form(&self, words: &[String]) -> bool {
        self.forms.iter().any(|(w, _)| w == words)
    }
}

/// Groups `found` mentions into entities. `sentences` are the article's BODY and HEADLINE
/// sentences in order; `found` must be in text order. The entities have no salience or id yet:
/// [`rank`] gives them, once pronouns are attached too.
pub fn group(
    sentences: &[SentenceTokens<'_>],
    found: &[Found],
    gazetteer: &Gazetteer,
) -> Vec<Entity> {
    let mut drafts: Vec<Draft> = Vec::new();
    // Order of mentions, for "most recent".
    let mut clock = 0usize;
    for f in &split_places(sentences, found, gazetteer) {
        let sentence = &sentences[f.sentence];
        let (mut start, end) = f.tokens;
        // A leading determiner is not part of the name ("the Kremlin" is "Kremlin"), nor is a
        // lowercase compass word ("eastern Ukraine" is Ukraine).
        while start + 1 < end
            && (matches!(sentence.words[start], "the" | "The" | "THE")
                || REGION_MODIFIERS.contains(&sentence.words[start]))
        {
            start += 1;
        }
        let mut kind = f.kind;
        let mut vote = f.confidence;
        // "state media Rodong Sinmun", "the newspaper Izvestia": an outlet, whatever its name
        // sounds like; the cue outvotes the tagger's guesses elsewhere.
        let media_at = |i: usize| sentence.words.get(i).is_some_and(|w| is_media_noun(w));
        // ... or followed by one: "the Eastern Wire news agency", "the Herald newspaper".
        let media_after = media_at(end);
        if (matches!(kind, EntityType::Person | EntityType::Other)
            && start > 0
            && media_at(start - 1))
            || (matches!(
                kind,
                EntityType::Person | EntityType::Other | EntityType::Location
            ) && media_after)
        {
            kind = EntityType::Organization;
            vote += 2.0;
        }
        // "in an interview with Izvestia": a place gives no interview; a name taken for one
        // there is an outlet (a person stays a person).
        let interviewed = start >= 2
            && sentence.words[start - 1] == "with"
            && matches!(sentence.words[start - 2], "interview" | "interviews");
        if interviewed && matches!(kind, EntityType::Location | EntityType::Other) {
            kind = EntityType::Organization;
            vote += 2.0;
        }
        let seat = name_words(&sentence.words[start..end]);
        if SEATS_OF_GOVERNMENT
            .iter()
            .any(|words| words.iter().eq(seat.iter()))
        {
            kind = EntityType::Organization;
            vote += 2.0;
        }
        // A title alone ("Rep." tagged apart from "Beto O'Rourke" after it) names no one.
        if (start..end).all(|i| is_title(sentence.words[i]) || sentence.words[i] == ".") {
            continue;
        }
        let mut title_end = start;
        if kind == EntityType::Person {
            // "Russian President Vladimir Putin" as one mention: everything up to the last title
            // is a role, not a name.
            if let Some(last) = (start..end - 1)
                .rev()
                .find(|&i| TITLES.contains(&fold(sentence.words[i]).as_str()))
            {
                title_end = last + 1;
            }
        }
        let mut name_start = title_end;
        // (The period of an abbreviated title, "Dr. Ward", is not the name's.)
        while name_start + 1 < end && sentence.words[name_start] == "." {
            name_start += 1;
        }
        // "Korea's": the possessive is not part of the name.
        let mut name_end = end;
        while name_end > name_start + 1
            && matches!(sentence.words[name_end - 1], "'s" | "’s" | "'" | "’")
        {
            name_end -= 1;
        }
        let words = name_words(&sentence.words[name_start..name_end]);
        if words.is_empty() {
            continue;
        }
        let surface = join_tokens(sentence, name_start, name_end);
        clock += 1;
        let mut place = None;
        let mut key = words.clone();
        if names_a_person(&drafts, sentence, name_start, name_end, &words) {
            kind = EntityType::Person;
        } else if let Some(m) = gazetteer.lookup(&surface) {
            let entry = gazetteer.entry(m.entry);
            // Countries, regions and continents are places whatever the tagger says ("North
            // Korea's" tagged ORGANIZATION); a city only when the tagger called it a place, or a
            // person no other person's name explains ("Moscow's" as PERSON).
            // A country's other names are names, not history: "DPRK" is North Korea.
            let renames = m.close || entry.kind == PlaceKind::Country;
            let place_kind = renames
                && match entry.kind {
                    PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent => true,
                    PlaceKind::City => {
                        kind == EntityType::Location
                            // "Pyongyang said": a capital standing for its government is
                            // still the place.
                            || (kind == EntityType::Organization && gazetteer.is_prominent(m.entry))
                            || (kind == EntityType::Person
                                && words.len() == 1
                                && gazetteer.is_prominent(m.entry)
                                && !drafts.iter().any(|d| {
                                    d.kind() == EntityType::Person
                                        && d.longest().len() > 1
                                        && (d.longest().ends_with(&words)
                                            || d.longest().starts_with(&words))
                                }))
                    }
                    PlaceKind::Demonym => false,
                };
            if place_kind {
                kind = EntityType::Location;
                place = Some(entry.canonical.clone());
                key = name_words(&[entry.canonical.as_str()]);
            } else if m.close
                && entry.kind == PlaceKind::Demonym
                && m.kinds == PlaceKind::Demonym.bit()
            {
                kind = EntityType::Nationality;
                place = Some(entry.canonical.clone());
                key = name_words(&[entry.canonical.as_str()]);
            }
        }
        let target = find_draft(
            &drafts,
            &key,
            kind,
            name_end - name_start == 1 && is_acronym(sentence.words[name_start]),
        );
        let index = match target {
            Some(i) => i,
            None => {
                drafts.push(Draft {
                    votes: HashMap::new(),
                    forms: Vec::new(),
                    surfaces: Vec::new(),
                    place: None,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    role_heads: Vec::new(),
                    role_words: Vec::new(),
                    name_mentions: 0,
                    last_seen: 0,
                });
                drafts.len() - 1
            }
        };
        let draft = &mut drafts[index];
        *draft.votes.entry(kind).or_default() += vote;
        if !draft.surfaces.contains(&surface) {
            draft.surfaces.push(surface.clone());
        }
        if !draft.has_form(&key) {
            draft.forms.push((key.clone(), surface.clone()));
        }
        if words != key && !draft.has_form(&words) {
            draft.forms.push((words, surface));
        }
        if place.is_some() {
            draft.place = place;
        }
        // The mention is the name itself; a title before it is a role ("Russian President").
        draft.mentions.push((
            f.sentence,
            name_start,
            name_end,
            MentionKind::Name,
            f.confidence,
        ));
        draft.name_mentions += 1;
        draft.last_seen = clock;
        if kind == EntityType::Person {
            add_roles(draft, sentence, start, title_end, end);
        }
    }
    merge_surnames(&mut drafts);
    merge_half_names(&mut drafts);
    consistency_pass(sentences, &mut drafts);
    nominal_pass(sentences, &mut drafts);
    outlet_pass(sentences, &mut drafts);
    finish(drafts, sentences)
}

/// A demonym that is the surname of a person named before it, standing as a noun ("Mark Cuban
/// ... Cuban said", "Cuban's"), names that person: a demonym as a word of nationality modifies
/// a noun ("Cuban officials") or follows a determiner ("a Cuban").
fn names_a_person(
    drafts: &[Draft],
    sentence: &SentenceTokens<'_>,
    start: usize,
    end: usize,
    words: &[String],
) -> bool {
    let noun_use = sentence.words.get(end).is_none_or(|next| {
        !next.starts_with(char::is_alphanumeric)
            || matches!(
                *next,
                "said"
                    | "says"
                    | "told"
                    | "added"
                    | "wrote"
                    | "is"
                    | "was"
                    | "has"
                    | "had"
                    | "would"
                    | "will"
                    | "who"
                    | "also"
            )
    });
    let determiner = start > 0
        && matches!(
            sentence.words[start - 1].to_lowercase().as_str(),
            "the" | "a" | "an" | "every" | "each" | "one"
        );
    words.len() == 1
        && noun_use
        && !determiner
        && drafts.iter().any(|d| {
            d.kind() == EntityType::Person && d.longest().len() > 1 && d.longest().ends_with(words)
        })
}

/// "... ambassador to Pyongyang Alexander Matsegora" tagged as one person: a well-known place
/// before a name of two or more words is a place mention of its own.
fn split_places(
    sentences: &[SentenceTokens<'_>],
    found: &[Found],
    gazetteer: &Gazetteer,
) -> Vec<Found> {
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let (start, end) = f.tokens;
        let words = &sentences[f.sentence].words[start..end];
        let place = (f.kind == EntityType::Person)
            .then(|| gazetteer.find(words))
            .and_then(|matches| {
                matches
                    .into_iter()
                    .find(|m| m.start == 0 && gazetteer.is_prominent(m.entry))
            })
            .filter(|m| words.len() - m.end >= 2);
        if let Some(m) = place {
            out.push(Found {
                tokens: (start, start + m.end),
                kind: EntityType::Location,
                ..f.clone()
            });
            out.push(Found {
                tokens: (start + m.end, end),
                ..f.clone()
            });
        } else {
            out.push(f.clone());
        }
    }
    out
}

fn join_tokens(sentence: &SentenceTokens<'_>, start: usize, end: usize) -> String {
    let mut out = String::new();
    for i in start..end {
        if i > start && sentence.spans[i].start > sentence.spans[i - 1].end {
            out.push(' ');
        }
        out.push_str(sentence.words[i]);
    }
    out
}

/// The draft a name belongs to, by the rules in the module docs.
fn find_draft(drafts: &[Draft], key: &[String], kind: EntityType, acronym: bool) -> Option<usize> {
    // (A nationality and a person of the same word stay apart: "Cuban officials" is not Mark
    // Cuban.)
    let apart = |d: &Draft| {
        matches!(
            (d.kind(), kind),
            (EntityType::Person, EntityType::Nationality)
                | (EntityType::Nationality, EntityType::Person)
        )
    };
    if let Some(i) = drafts.iter().position(|d| d.has_form(key) && !apart(d)) {
        return Some(i);
    }
    let joined: String = key.concat();
    if acronym {
        if let Some(i) = drafts.iter().position(|d| {
            d.forms
                .iter()
                .any(|(w, _)| w.len() > 1 && initials(w) == joined)
        }) {
            return Some(i);
        }
    } else if key.len() > 1 {
        let spelled = initials(key);
        if let Some(i) = drafts.iter().position(|d| {
            d.forms
                .iter()
                .any(|(w, s)| w.len() == 1 && is_acronym(s) && w[0] == spelled)
        }) {
            return Some(i);
        }
    }
    if kind == EntityType::Person && key.len() <= 2 {
        return drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind() == EntityType::Person)
            .filter(|(_, d)| {
                let long = d.longest();
                long.len() > key.len() && (long.starts_with(key) || long.ends_with(key))
            })
            .max_by_key(|(_, d)| (d.name_mentions, d.last_seen))
            .map(|(i, _)| i);
    }
    None
}

/// A lone surname seen before the full name ("Putin ... Vladimir Putin") joins the full name's
/// entity when exactly one person's full name fits it.
fn merge_surnames(drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i < drafts.len() {
        let short = drafts[i].longest().to_vec();
        if drafts[i].kind() == EntityType::Person && short.len() <= 2 {
            let fits: Vec<usize> = (0..drafts.len())
                .filter(|&j| j != i && drafts[j].kind() == EntityType::Person)
                .filter(|&j| {
                    let long = drafts[j].longest();
                    long.len() > short.len() && (long.starts_with(&short) || long.ends_with(&short))
                })
                .collect();
            // One fit, or one named clearly more often than the others ("Kim" is Kim Jong Un,
            // named five times, not his sister, named once).
            let best = fits
                .iter()
                .copied()
                .max_by_key(|&j| drafts[j].name_mentions);
            let dominant = best.filter(|&b| {
                fits.iter()
                    .all(|&j| j == b || drafts[j].name_mentions < drafts[b].name_mentions)
            });
            if let Some(j) = dominant {
                let from = drafts.remove(i);
                let j = if j > i { j - 1 } else { j };
                absorb(&mut drafts[j], from);
                continue;
            }
        }
        i += 1;
    }
}

/// "The North" and "the South" in an article about one divided country are that country's
/// half: "North" joins the article's one place named "North ..." (North Korea), when there is
/// exactly one. It keeps that place's type: the tagger's guess for a bare "North" (often an
/// organization) does not vote.
fn merge_half_names(drafts: &mut Vec<Draft>) {
    let mut i = 0;
    while i < drafts.len() {
        let short = drafts[i].longest();
        let half = short.len() == 1 && matches!(short[0].as_str(), "north" | "south");
        if half {
            let word = short[0].clone();
            let fits: Vec<usize> = (0..drafts.len())
                .filter(|&j| {
                    j != i && drafts[j].place.is_some() && drafts[j].kind() == EntityType::Location
                })
                .filter(|&j| {
                    let long = drafts[j].longest();
                    long.len() > 1 && long[0] == word
                })
                .collect();
            if let [j] = fits[..] {
                let mut from = drafts.remove(i);
                from.votes.clear();
                let j = if j > i { j - 1 } else { j };
                absorb(&mut drafts[j], from);
                continue;
            }
        }
        i += 1;
    }
}

fn absorb(into: &mut Draft, from: Draft) {
    for (k, v) in from.votes {
        *into.votes.entry(k).or_default() += v;
    }
    for form in from.forms {
        if !into.has_form(&form.0) {
            into.forms.push(form);
        }
    }
    for surface in from.surfaces {
        if !into.surfaces.contains(&surface) {
            into.surfaces.push(surface);
        }
    }
    into.mentions.extend(from.mentions);
    into.mentions.sort_by_key(|m| (m.0, m.1));
    into.roles.extend(from.roles);
    into.role_heads.extend(from.role_heads);
    into.role_words.extend(from.role_words);
    into.name_mentions += from.name_mentions;
    into.last_seen = into.last_seen.max(from.last_seen);
    into.place = into.place.take().or(from.place);
}

/// Roles of a person mention: the title words inside it, a title phrase right before it
/// ("North Korean Supreme Leader Kim Jong Un"), and an appositive right after it.
fn add_roles(
    draft: &mut Draft,
    sentence: &SentenceTokens<'_>,
    start: usize,
    title_end: usize,
    end: usize,
) {
    let words = &sentence.words;
    let mut role = None;
    if title_end > start {
        role = Some((role_words_before(words, start), title_end));
    } else if let Some(from) = role_phrase_before(words, start) {
        role = Some((from, start));
    } else if start >= 2 && words[start - 1] == "," && words.get(end).is_some_and(|w| *w == ",") {
        // "Russia's ambassador to North Korea, Alexander Matsegora, said": a role set off
        // before the name, opening its clause (after a quote, a comma or nothing).
        if let Some(from) = role_phrase_before(words, start - 1).filter(|&from| {
            from == 0 || matches!(words[from - 1], "," | "”" | "\"" | "’" | "'" | ";" | ":")
        }) {
            role = Some((from, start - 1));
        }
    }
    // Appositive: ", Russia's ambassador to North Korea," within eight tokens.
    let mut appositive = None;
    if end + 1 < words.len() && words[end] == "," {
        let stop = (end + 1..words.len().min(end + 10))
            .find(|&i| {
                matches!(
                    words[i],
                    "," | "." | ";" | ":" | "\"" | "“" | "”" | "(" | ")"
                )
            })
            .unwrap_or(words.len().min(end + 10));
        let phrase = &words[end + 1..stop];
        let has_role = phrase
            .iter()
            .take(5)
            .any(|w| ROLE_NOUNS.contains(&fold(w).as_str()));
        let verb_like = phrase.iter().any(|w| {
            matches!(
                fold(w).as_str(),
                "said" | "says" | "told" | "wrote" | "who" | "which" | "added"
            )
        });
        if has_role && !verb_like && stop < words.len() && words[stop] != "\"" {
            appositive = Some((end + 1, stop));
        }
    }
    for (a, b) in [role, appositive].into_iter().flatten() {
        if a >= b {
            continue;
        }
        let text = join_tokens(sentence, a, b);
        let text = text
            .trim_start_matches(' ')
            .trim_start_matches("the ")
            .to_owned();
        if !draft.roles.contains(&text) {
            draft.roles.push(text);
        }
        // The head is the last role noun before any prepositional phrase: "sister" in "sister
        // of the leader", "ambassador" in "Russia's ambassador to North Korea".
        let before_pp = (a..b)
            .find(|&i| {
                matches!(
                    words[i],
                    "of" | "to" | "in" | "at" | "for" | "from" | "with"
                )
            })
            .unwrap_or(b);
        if let Some(head) = words[a..before_pp]
            .iter()
            .map(|w| fold(w))
            .rfind(|f| ROLE_NOUNS.contains(&f.as_str()))
        {
            draft.role_heads.push(head);
        }
        draft.role_words.extend(words[a..b].iter().map(|w| fold(w)));
    }
}

/// A title or role noun ("President", "ambassador", "pundit").
fn role_word(w: &str) -> bool {
    let f = fold(w);
    TITLES.contains(&f.as_str()) || ROLE_NOUNS.contains(&f.as_str())
}

/// A capitalized word that may modify a role ("Russian", "Supreme"), not a capitalized
/// function word opening the sentence.
fn capitalized_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && !matches!(
            fold(w).as_str(),
            "the" | "a" | "an" | "and" | "but" | "in" | "on" | "at" | "by" | "with"
        )
}

/// Where a role phrase ending right before token `end` starts: title words, nationality words
/// and role nouns ("Russian President", "North Korean Supreme Leader", "Russian defense
/// pundit"), with the place a title belongs to ("Ambassador to Pyongyang") and a possessive
/// country ("Russia's"). None unless the phrase ends in a title or role noun, or in such a
/// place after one.
fn role_phrase_before(words: &[&str], end: usize) -> Option<usize> {
    let mut from = end;
    // The place after a title: capitalized words, then "to" or "of" after a title.
    let mut place = end;
    while place > 0 && end - place < 4 && capitalized_word(words[place - 1]) {
        place -= 1;
    }
    if place < end && place > 0 && words[place - 1] == "the" {
        place -= 1;
    }
    if place < end
        && place >= 2
        && matches!(words[place - 1], "to" | "of")
        && role_word(words[place - 2])
    {
        from = place - 1;
    } else if !(from > 0 && role_word(words[from - 1])) {
        return None;
    }
    let from = role_words_before(words, from);
    (from < end).then_some(from)
}

/// Where the title words, role nouns and capitalized modifiers right before token `end` start,
/// through possessives ("Russia's Ambassador", "Donetsk People's Republic leader").
fn role_words_before(words: &[&str], end: usize) -> usize {
    let mut from = end;
    loop {
        while from > 0 && (role_word(words[from - 1]) || capitalized_word(words[from - 1])) {
            from -= 1;
        }
        // (And on past a possessive: "Donetsk People's Republic leader".)
        if from >= 2
            && from < end
            && end - from < 8
            && matches!(words[from - 1], "'s" | "’s")
            && capitalized_word(words[from - 2])
        {
            from -= 2;
        } else {
            return from;
        }
    }
}

/// Occurrences of an entity's multi-word names, and of a person's surname, that the tagger
/// missed become mentions.
fn consistency_pass(sentences: &[SentenceTokens<'_>], drafts: &mut [Draft]) {
    // (draft, token texts of a name, confidence), sorted by tokens.
    let mut surfaces: Vec<(usize, Vec<String>, f32)> = Vec::new();
    for (d, draft) in drafts.iter().enumerate() {
        let confidence = draft.mentions.iter().map(|m| m.4).fold(0.0, f32::max);
        let person = draft.kind() == EntityType::Person;
        for (s, start, end, kind, _) in &draft.mentions {
            if *kind != MentionKind::Name {
                continue;
            }
            let tokens: Vec<String> = sentences[*s].words[*start..*end]
                .iter()
                .map(|w| (*w).to_owned())
                .collect();
            let single = tokens.len() == 1;
            let capitalized = tokens[0].starts_with(char::is_uppercase);
            // A single word is safe to propagate only for a person's name or an acronym.
            if capitalized && (!single || person || is_acronym(&tokens[0])) && tokens[0].len() > 1 {
                // A person's surname alone ("Korotchenko" after "Igor Korotchenko").
                if person && !single {
                    let last = &tokens[tokens.len() - 1];
                    if last.chars().count() > 3 && last.starts_with(char::is_uppercase) {
                        surfaces.push((d, vec![last.clone()], confidence));
                    }
                }
                surfaces.push((d, tokens, confidence));
            }
        }
    }
    surfaces.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    surfaces.dedup_by(|a, b| a.1 == b.1);
    // Covered tokens.
    let mut covered: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for draft in drafts.iter() {
        for (s, a, b, _, _) in &draft.mentions {
            covered.entry(*s).or_default().push((*a, *b));
        }
    }
    let mut added: Vec<(usize, usize, usize, usize, f32)> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let mut i = 0;
        while i < sentence.words.len() {
            let mut matched = None;
            // (Every surface opens on a capital: most words need no search.)
            let word = sentence.words[i];
            if let Some(candidates) = word
                .starts_with(char::is_uppercase)
                .then(|| surfaces_starting(&surfaces, word))
                .flatten()
            {
                for (d, tokens, c) in candidates {
                    let end = i + tokens.len();
                    if end <= sentence.words.len()
                        && sentence.words[i..end]
                            .iter()
                            .zip(tokens)
                            .all(|(a, b)| *a == b)
                        && matched.as_ref().is_none_or(|(_, e, _)| end > *e)
                    {
                        matched = Some((*d, end, *c));
                    }
                }
            }
            if let Some((d, end, c)) = matched {
                let overlaps = covered
                    .get(&s)
                    .is_some_and(|spans| spans.iter().any(|&(a, b)| a < end && i < b));
                if !overlaps {
                    added.push((d, s, i, end, c));
                }
                i = end;
            } else {
                i += 1;
            }
        }
    }
    for (d, s, a, b, c) in added {
        drafts[d].mentions.push((s, a, b, MentionKind::Name, c));
    }
    for draft in drafts.iter_mut() {
        draft.mentions.sort_by_key(|m| (m.0, m.1));
    }
}

/// The names in `surfaces` (sorted by tokens) whose first token is `word`.
fn surfaces_starting<'a>(
    surfaces: &'a [(usize, Vec<String>, f32)],
    word: &str,
) -> Option<&'a [(usize, Vec<String>, f32)]> {
    let from = surfaces.partition_point(|s| s.1[0].as_str() < word);
    let to = surfaces.partition_point(|s| s.1[0].as_str() <= word);
    (from < to).then(|| &surfaces[from..to])
}

/// "the Russian leader", "the ambassador": a definite role noun phrase whose head and
/// nationality fit a person's roles refers to the most recently named such person.
fn nominal_pass(sentences: &[SentenceTokens<'_>], drafts: &mut [Draft]) {
    let mut added = Vec::new();
    let is_role = |word: &str, _: &str| ROLE_NOUNS.contains(&fold(word).as_str());
    for (s, i, head) in definite_phrases(sentences, is_role) {
        let words = &sentences[s].words;
        // Up to three modifiers, then a role noun, then not a name (that would be a title).
        if head + 1 < words.len()
            && (words[head + 1].starts_with(char::is_uppercase) || words[head + 1] == "of")
        {
            continue;
        }
        let modifiers: Vec<String> = words[i + 1..head].iter().map(|w| fold(w)).collect();
        if modifiers
            .iter()
            .any(|m| m.is_empty() || ROLE_NOUNS.contains(&m.as_str()))
        {
            continue;
        }
        let head_word = fold(words[head]);
        // The person must have been named before this point.
        let holders = drafts.iter().enumerate().filter(|(_, d)| {
            d.kind() == EntityType::Person
                && d.role_heads.iter().any(|h| same_role(h, &head_word))
                && modifiers.iter().all(|m| fits_modifier(m, &d.role_words))
        });
        if let Some(k) = named_last_before(holders.map(|(k, _)| k), drafts, s, i) {
            added.push((k, s, i, head + 1));
        }
    }
    add_nominals(drafts, added);
}

/// Every definite noun phrase "the (up to three words) HEAD" of `sentences`, as (sentence, index
/// of "the", index of the head), where `is_head(word, word before)` picks the head: the first one
/// within four words of "the".
fn definite_phrases(
    sentences: &[SentenceTokens<'_>],
    is_head: impl Fn(&str, &str) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        let words = &sentence.words;
        for i in (0..words.len()).filter(|&i| matches!(words[i], "the" | "The")) {
            if let Some(head) =
                (i + 1..words.len().min(i + 5)).find(|&j| is_head(words[j], words[j - 1]))
            {
                out.push((s, i, head));
            }
        }
    }
    out
}

/// Of the `candidates` (indices into `drafts`), the one named last before token `i` of
/// sentence `s`: what a definite noun phrase there refers back to.
fn named_last_before(
    candidates: impl Iterator<Item = usize>,
    drafts: &[Draft],
    s: usize,
    i: usize,
) -> Option<usize> {
    candidates
        .filter_map(|k| {
            drafts[k]
                .mentions
                .iter()
                .filter(|m| m.0 < s || (m.0 == s && m.2 <= i))
                .map(|m| (m.0, m.1))
                .max()
                .map(|last| (k, last))
        })
        .max_by_key(|&(_, last)| last)
        .map(|(k, _)| k)
}

/// Adds `(draft, sentence, start, end)` nominal mentions.
fn add_nominals(drafts: &mut [Draft], added: Vec<(usize, usize, usize, usize)>) {
    for (k, s, a, b) in added {
        drafts[k]
            .mentions
            .push((s, a, b, MentionKind::Nominal, 0.5));
        drafts[k].mentions.sort_by_key(|m| (m.0, m.1));
    }
}

/// Outlet nouns a definite noun phrase may refer back with ("the newspaper reported", "the
/// state news agency said"): not the plural-minded "media", "TV", "radio"; "agency" only as a
/// news agency, since a government agency is also "the agency".
fn is_outlet_head(word: &str, before: &str) -> bool {
    match word {
        "media" | "tv" | "radio" => false,
        "agency" => before == "news",
        _ => MEDIA_NOUNS.contains(&word),
    }
}

/// "The newspaper reported": a definite outlet noun refers to the outlet named most recently
/// before it, where an outlet is an organization named next to an outlet noun ("state media
/// Rodong Sinmun", "the newspaper Izvestia", "Korean Central News Agency"). Like a role noun
/// for a person, it becomes a nominal mention, so the quote's speaker resolves to the outlet.
fn outlet_pass(sentences: &[SentenceTokens<'_>], drafts: &mut [Draft]) {
    let near_outlet_noun = |&(s, a, b, kind, _): &(usize, usize, usize, MentionKind, f32)| {
        let words = &sentences[s].words;
        kind == MentionKind::Name
            && ((a > 0 && is_media_noun(words[a - 1]))
                || words.get(b).is_some_and(|w| is_media_noun(w))
                || words[a..b].iter().any(|w| is_media_noun(w)))
    };
    let outlets: Vec<usize> = (0..drafts.len())
        .filter(|&k| drafts[k].kind() == EntityType::Organization)
        .filter(|&k| drafts[k].mentions.iter().any(near_outlet_noun))
        .collect();
    if outlets.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let is_outlet = |word: &str, before: &str| is_outlet_head(&fold(word), &fold(before));
    for (s, i, head) in definite_phrases(sentences, is_outlet) {
        let words = &sentences[s].words;
        // Up to three lowercase modifiers, then the outlet noun, then no name ("the
        // newspaper Izvestia" introduces a name; it does not refer back).
        if words[i + 1..head]
            .iter()
            .any(|w| !w.starts_with(char::is_lowercase))
            || words
                .get(head + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase) || *w == "of")
        {
            continue;
        }
        if let Some(k) = named_last_before(outlets.iter().copied(), drafts, s, i) {
            added.push((k, s, i, head + 1));
        }
    }
    add_nominals(drafts, added);
}

/// Does a nominal's modifier fit a person's role words? Nationality and country words must
/// match ("Russian" fits "Russia's"); other modifiers ("North", "Korean", "former", "top") are
/// checked only when they name a place or people.
fn fits_modifier(modifier: &str, role_words: &[String]) -> bool {
    let stem = |w: &str| -> String {
        w.trim_end_matches("s")
            .trim_end_matches("n")
            .trim_end_matches("ia")
            .trim_end_matches("a")
            .to_owned()
    };
    let nationality_like = modifier.ends_with("an")
        || modifier.ends_with("ese")
        || modifier.ends_with("ish")
        || modifier == "north"
        || modifier == "south";
    if !nationality_like {
        return true;
    }
    role_words
        .iter()
        .any(|w| w == modifier || stem(w) == stem(modifier))
}

fn finish(drafts: Vec<Draft>, sentences: &[SentenceTokens<'_>]) -> Vec<Entity> {
    drafts
        .into_iter()
        .filter(|d| !d.mentions.is_empty())
        .map(|d| {
            let kind = d.kind();
            let name = canonical_name(&d, kind);
            let mut aliases: Vec<String> = Vec::new();
            for surface in &d.surfaces {
                if *surface != name && !aliases.contains(surface) {
                    aliases.push(surface.clone());
                }
            }
            let confidence = 1.0
                - d.mentions
                    .iter()
                    .filter(|m| m.3 == MentionKind::Name)
                    .fold(1.0, |acc, m| acc * (1.0 - m.4.clamp(0.0, 0.999)));
            Entity {
                id: String::new(),
                name,
                kind,
                mentions: d
                    .mentions
                    .iter()
                    .map(|&(s, a, b, kind, confidence)| EntityMention {
                        span: Span::new(sentences[s].spans[a].start, sentences[s].spans[b - 1].end),
                        kind,
                        confidence,
                    })
                    .collect(),
                aliases,
                roles: d.roles,
                salience: 0.0,
                confidence,
            }
        })
        .collect()
}

/// Scores each entity's salience from all its mentions (a name counts its sentence's weight:
/// headline 3, lede 2, else 1; a nominal or a pronoun half of it; an entity named early gets up
/// to half again), scales it so the most salient has 1, sorts the entities by it and numbers
/// them `e1`, `e2`, ... Run once every mention is attached: a profile's subject, named once and
/// then "he" throughout, is its most salient entity.
pub fn rank(sentences: &[SentenceTokens<'_>], entities: &mut [Entity]) {
    let total_sentences = sentences.len().max(1) as f32;
    let sentence_of = |at: usize| {
        sentences
            .partition_point(|s| s.spans.first().is_some_and(|t| t.start <= at))
            .saturating_sub(1)
    };
    for e in entities.iter_mut() {
        let mut raw = 0.0;
        for m in &e.mentions {
            let weight = sentences
                .get(sentence_of(m.span.start))
                .map_or(1.0, |s| s.weight);
            raw += if m.kind == MentionKind::Name {
                weight
            } else {
                weight * 0.5
            };
        }
        let first = e.mentions.first().map_or(0, |m| sentence_of(m.span.start)) as f32;
        e.salience = raw * (1.0 + 0.5 * (1.0 - first / total_sentences));
    }
    let max = entities.iter().map(|e| e.salience).fold(0.0, f32::max);
    for e in entities.iter_mut() {
        e.salience = if max > 0.0 { e.salience / max } else { 0.0 };
    }
    entities.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then(a.mentions[0].span.start.cmp(&b.mentions[0].span.start))
    });
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
}

fn canonical_name(d: &Draft, kind: EntityType) -> String {
    // (A person whose surname is a demonym, "Mark Cuban", is named as a person.)
    if let Some(place) = d.place.as_ref().filter(|_| kind != EntityType::Person) {
        return place.clone();
    }
    // The fullest form; an acronym only when there is nothing else.
    let mut best: Option<&(Vec<String>, String)> = None;
    for form in &d.forms {
        let acronym = form.0.len() == 1 && is_acronym(&form.1);
        let better = match best {
            None => true,
            Some(b) => {
                let b_acronym = b.0.len() == 1 && is_acronym(&b.1);
                (b_acronym && !acronym) || (b_acronym == acronym && form.0.len() > b.0.len())
            }
        };
        if better {
            best = Some(form);
        }
    }
    let name = best.map_or_else(String::new, |f| f.1.clone());
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(&name)
        .trim()
        .to_owned();
    if kind == EntityType::Nationality {
        // "Russians" -> "Russian".
        return name
            .strip_suffix('s')
            .filter(|n| n.ends_with("an"))
            .map_or(name.clone(), str::to_owned);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fold_is_the_unicode_fold() {
        let every_char: String = (0..128u8).map(char::from).collect();
        for word in [
            "Jong-un",
            "U.S.",
            "KCNA",
            "O'Brien",
            "1945",
            "",
            "a b\tc",
            &every_char,
        ] {
            assert_eq!(fold(word), fold_unicode(word), "{word:?}");
        }
        assert_eq!(fold("Élysée"), "elysee");
    }

    /// Builds sentences from space-separated tokens and mentions from `[Name]TYPE` brackets, so
    /// the grouping rules are tested without the tagger.
    fn run(sentences: &[&str]) -> Vec<Entity> {
        let mut text = String::new();
        let mut built: Vec<(Vec<Span>, f32)> = Vec::new();
        let mut found = Vec::new();
        for (s, line) in sentences.iter().enumerate() {
            let mut spans = Vec::new();
            let mut open: Option<usize> = None;
            for raw in line.split(' ') {
                let mut word = raw;
                if let Some(rest) = word.strip_prefix('[') {
                    open = Some(spans.len());
                    word = rest;
                }
                let mut close = None;
                if let Some(at) = word.find(']') {
                    close = Some(&word[at + 1..]);
                    word = &word[..at];
                }
                let start = text.len();
                text.push_str(word);
                spans.push(Span::new(start, text.len()));
                text.push(' ');
                if let (Some(kind), Some(from)) = (close, open) {
                    let kind = match kind {
                        "PER" => EntityType::Person,
                        "ORG" => EntityType::Organization,
                        "LOC" => EntityType::Location,
                        "NAT" => EntityType::Nationality,
                        other => panic!("unknown type {other}"),
                    };
                    found.push(Found {
                        sentence: s,
                        tokens: (from, spans.len()),
                        kind,
                        confidence: 0.9,
                    });
                    open = None;
                }
            }
            built.push((spans, if s == 0 { 2.0 } else { 1.0 }));
        }
        let sentences: Vec<SentenceTokens<'_>> = built
            .iter()
            .map(|(spans, weight)| SentenceTokens {
                words: spans.iter().map(|s| s.slice(&text)).collect(),
                spans: spans.clone(),
                weight: *weight,
            })
            .collect();
        let gazetteer = Gazetteer::parse(
            "COUNTRY\tNorth Korea\t\t\tDPRK\n\
             COUNTRY\tNorth Macedonia\t\t\t\n\
             DEMONYM\tNorth Korean\tNorth Korea\tNorth Koreans\t\n\
             DEMONYM\tRussian\tRussia\tRussians\t\n\
             DEMONYM\tCuban\tCuba\tCubans\t\n\
             CITY\tLuhansk\t\tLugansk\t\n\
             CITY\tPyongyang\t\tP'yongyang\t\n",
        )
        .unwrap();
        let mut entities = group(&sentences, &found, &gazetteer);
        rank(&sentences, &mut entities);
        // Spans point at the mention texts.
        for e in &entities {
            for m in &e.mentions {
                assert!(m.span.end <= text.len());
            }
        }
        entities
    }

    fn by_name<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
        entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name:?} in {entities:#?}"))
    }

    #[test]
    fn full_name_then_surname_is_one_person() {
        let e = run(&[
            "[Russian]NAT President [Vladimir Putin]PER sent a letter .",
            "[Putin]PER wrote that ties were strong .",
        ]);
        let putin = by_name(&e, "Vladimir Putin");
        assert_eq!(putin.kind, EntityType::Person);
        assert_eq!(putin.mentions.len(), 2);
        assert_eq!(putin.aliases, vec!["Putin"]);
        assert_eq!(putin.roles, vec!["Russian President"]);
        assert_eq!(e.iter().filter(|x| x.kind == EntityType::Person).count(), 1);
    }

    #[test]
    fn surname_before_full_name_joins_it() {
        let e = run(&[
            "[Putin]PER writes to [Kim]PER",
            "[Vladimir Putin]PER and [Kim Jong Un]PER exchanged letters .",
        ]);
        assert_eq!(by_name(&e, "Vladimir Putin").mentions.len(), 2);
        assert_eq!(by_name(&e, "Kim Jong Un").mentions.len(), 2);
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn spelling_variants_of_a_name_are_one_person() {
        let e = run(&[
            "[Kim Jong-un]PER spoke .",
            "[Kim Jong Un]PER smiled .",
            "[Kim]PER left .",
        ]);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].name, "Kim Jong-un");
        assert_eq!(e[0].mentions.len(), 3);
        assert!(e[0].aliases.contains(&"Kim Jong Un".to_owned()));
    }

    #[test]
    fn a_lone_surname_goes_to_the_person_named_most() {
        let e = run(&[
            "[Kim Jong Un]PER met [Kim Yo Jong]PER .",
            "[Kim Jong Un]PER spoke .",
            "[Kim]PER said so .",
        ]);
        assert_eq!(by_name(&e, "Kim Jong Un").mentions.len(), 3);
        assert_eq!(by_name(&e, "Kim Yo Jong").mentions.len(), 1);
    }

    #[test]
    fn acronyms_join_their_expansion_either_way() {
        let e = run(&[
            "the [Korean Central News Agency]ORG reported .",
            "[KCNA]ORG said .",
            "[DPRK]LOC and [North Korea]LOC are one .",
        ]);
        let kcna = by_name(&e, "Korean Central News Agency");
        assert_eq!(kcna.mentions.len(), 2);
        assert_eq!(kcna.aliases, vec!["KCNA"]);
        assert_eq!(by_name(&e, "North Korea").mentions.len(), 2);
        let e = run(&[
            "[KCNA]ORG said .",
            "the [Korean Central News Agency]ORG reported .",
        ]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Korean Central News Agency");
    }

    #[test]
    fn places_take_the_gazetteer_spelling() {
        let e = run(&[
            "in [Lugansk]LOC and [Luhansk]LOC",
            "shells hit [Lugansk]LOC",
        ]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Luhansk");
        assert_eq!(e[0].aliases, vec!["Lugansk"]);
        assert_eq!(e[0].mentions.len(), 3);
    }

    #[test]
    fn countries_are_places_whatever_the_tagger_says() {
        let e = run(&["[North Korea]ORG 's army", "[North Korea]LOC replied ."]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].kind, EntityType::Location);
    }

    #[test]
    fn seats_of_government_are_organizations() {
        let e = run(&[
            "[The Kremlin]PER said it would reply .",
            "[the White House]LOC declined to comment .",
            "a [Kremlin]PER aide spoke .",
        ]);
        assert_eq!(e.len(), 2);
        assert!(
            e.iter().all(|e| e.kind == EntityType::Organization),
            "{e:?}"
        );
        assert_eq!(by_name(&e, "Kremlin").mentions.len(), 2);
    }

    #[test]
    fn a_compass_word_before_a_place_is_not_its_name() {
        let e = run(&[
            "fighting in [eastern Ukraine]LOC went on .",
            "[Ukraine]LOC said so .",
        ]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Ukraine");
        assert_eq!(e[0].mentions.len(), 2);
    }

    #[test]
    fn the_north_is_the_one_north_in_the_article() {
        let e = run(&[
            "[North Korea]LOC fired a missile , [North Korean]NAT media said .",
            "an outbreak in the [North]ORG spread .",
        ]);
        assert_eq!(e.len(), 2, "{e:?}");
        let korea = by_name(&e, "North Korea");
        assert_eq!(korea.kind, EntityType::Location);
        assert_eq!(korea.mentions.len(), 2);
        // Two Norths: no telling which.
        let e = run(&[
            "[North Korea]LOC and [North Macedonia]LOC met .",
            "the [North]ORG said so .",
        ]);
        assert_eq!(e.len(), 3, "{e:?}");
    }

    #[test]
    fn the_newspaper_is_the_outlet_named_last() {
        let e = run(&[
            "state media [Rodong Sinmun]ORG carried the letter .",
            "the official newspaper said ties would grow .",
            "[Acme Steel]ORG , a company , declined to comment .",
            "later , the newspaper [Izvestia]ORG quoted the envoy .",
        ]);
        let rodong = by_name(&e, "Rodong Sinmun");
        let kinds: Vec<MentionKind> = rodong.mentions.iter().map(|m| m.kind).collect();
        // "the official newspaper" refers back; "the newspaper Izvestia" names a new outlet.
        assert_eq!(kinds, [MentionKind::Name, MentionKind::Nominal]);
        assert_eq!(by_name(&e, "Izvestia").mentions.len(), 1);
        assert_eq!(by_name(&e, "Acme Steel").mentions.len(), 1);
    }

    #[test]
    fn nationalities_merge_singular_and_plural() {
        let e = run(&["[Russian]NAT troops", "[Russians]NAT voted"]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Russian");
        assert_eq!(e[0].kind, EntityType::Nationality);
    }

    #[test]
    fn role_nouns_resolve_to_the_person_who_holds_the_role() {
        let e = run(&[
            "[Russian]NAT President [Vladimir Putin]PER met North Korean leader [Kim Jong Un]PER .",
            "The Russian leader praised the talks .",
            "the North Korean leader agreed .",
            "The ambassador was absent .",
        ]);
        let putin = by_name(&e, "Vladimir Putin");
        let nominal: Vec<_> = putin
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Nominal)
            .collect();
        assert_eq!(nominal.len(), 1, "{putin:#?}");
        let kim = by_name(&e, "Kim Jong Un");
        assert_eq!(kim.roles, vec!["North Korean leader"]);
        assert_eq!(
            kim.mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Nominal)
                .count(),
            1
        );
        // Nobody was called an ambassador: "The ambassador" stays unresolved.
        assert!(e.iter().all(|x| x.mentions.len() <= 3));
    }

    #[test]
    fn an_interviewer_is_no_place_and_a_cleric_s_title_no_name() {
        let e = run(&[
            "[Ines Duval]PER said in an interview with [Harbour Courier]LOC that it would .",
            "[Archbishop Tor Vik]PER agreed .",
        ]);
        assert_eq!(
            by_name(&e, "Harbour Courier").kind,
            EntityType::Organization
        );
        assert_eq!(by_name(&e, "Tor Vik").roles, vec!["Archbishop"]);
    }

    #[test]
    fn roles_before_a_name_reach_the_place_a_title_belongs_to() {
        let e = run(&[
            "Norland 's Ambassador to Port Ellis [Oskar Brandt]PER spoke first .",
            "\" We will build , \" Norland 's envoy to the League , [Ines Duval]PER , said .",
            "Harbour defense pundit [Pia Lund]PER disagreed .",
            "East Ellis People 's Republic leader [Tor Vik]PER agreed .",
            "Later the pundit added more .",
        ]);
        assert_eq!(
            by_name(&e, "Oskar Brandt").roles,
            vec!["Norland 's Ambassador to Port Ellis"]
        );
        // (A role set off by commas before the name, after a quote.)
        assert_eq!(
            by_name(&e, "Ines Duval").roles,
            vec!["Norland 's envoy to the League"]
        );
        let lund = by_name(&e, "Pia Lund");
        assert_eq!(lund.roles, vec!["Harbour defense pundit"]);
        // "the pundit" is hers.
        assert_eq!(lund.mentions.len(), 2, "{lund:#?}");
        assert_eq!(
            by_name(&e, "Tor Vik").roles,
            vec!["East Ellis People 's Republic leader"]
        );
    }

    #[test]
    fn appositives_are_roles() {
        let e = run(&[
            "[Alexander Matsegora]PER , Russia 's ambassador to North Korea , said talks went well .",
            "Later the ambassador added more .",
        ]);
        let m = by_name(&e, "Alexander Matsegora");
        assert_eq!(m.roles, vec!["Russia 's ambassador to North Korea"]);
        assert_eq!(m.mentions.len(), 2, "{m:#?}");
    }

    #[test]
    fn titles_inside_a_mention_are_roles_and_places_before_names_are_not_names() {
        let e = run(&[
            "[President Vladimir Putin]PER spoke .",
            "envoy to [Pyongyang Alexander Matsegora]PER spoke .",
        ]);
        let putin = by_name(&e, "Vladimir Putin");
        assert_eq!(putin.roles, vec!["President"]);
        assert!(e.iter().any(|x| x.name == "Alexander Matsegora"));
    }

    #[test]
    fn missed_occurrences_are_found_and_types_vote() {
        let e = run(&[
            "[Igor Korotchenko]PER said .",
            "Igor Korotchenko added that Korotchenko would stay .",
            "[Moscow Times]ORG wrote , and the Moscow Times said .",
        ]);
        let igor = by_name(&e, "Igor Korotchenko");
        assert_eq!(igor.mentions.len(), 3, "{igor:#?}");
        assert_eq!(by_name(&e, "Moscow Times").mentions.len(), 2);
    }

    #[test]
    fn salience_favours_the_lede_and_repetition() {
        let e = run(&[
            "[Vladimir Putin]PER wrote to [Kim Jong Un]PER .",
            "[Putin]PER said . [Putin]PER added .",
            "[Syria]LOC was mentioned .",
        ]);
        assert_eq!(e[0].name, "Vladimir Putin");
        assert_eq!(e[0].salience, 1.0);
        assert_eq!(e[0].id, "e1");
        let syria = by_name(&e, "Syria");
        assert!(syria.salience < by_name(&e, "Kim Jong Un").salience);
        assert!(e.iter().all(|x| x.confidence > 0.0 && x.confidence < 1.0));
    }

    #[test]
    fn a_person_whose_surname_is_a_demonym_keeps_it_as_a_noun() {
        let e = run(&[
            "[Mark Cuban]PER owns a team .",
            "[Cuban]NAT said he would run , and [Cuban]NAT 's plans grew .",
            "[Cuban]NAT officials and a [Cuban]NAT visitor came .",
        ]);
        let mark = by_name(&e, "Mark Cuban");
        assert_eq!(mark.kind, EntityType::Person);
        assert_eq!(mark.mentions.len(), 3, "{mark:#?}");
        // Before a noun or after a determiner the word is a nationality.
        let cuban = by_name(&e, "Cuban");
        assert_eq!(cuban.kind, EntityType::Nationality);
        assert_eq!(cuban.mentions.len(), 2, "{cuban:#?}");
    }

    #[test]
    fn a_title_tagged_alone_names_no_one() {
        let e = run(&["said [Rep]PER . [Beto O'Rourke]PER of Texas ."]);
        assert!(e.iter().all(|x| x.name != "Rep"), "{e:#?}");
        assert!(e.iter().any(|x| x.name == "Beto O'Rourke"));
    }

    #[test]
    fn the_period_of_an_abbreviated_title_is_not_the_name_s() {
        let e = run(&["[Dr . Kelli Ward]PER spoke .", "[Dr . Ward]PER left ."]);
        let ward = by_name(&e, "Kelli Ward");
        assert_eq!(ward.mentions.len(), 2, "{ward:#?}");
        assert_eq!(ward.aliases, vec!["Ward"]);
    }
}
