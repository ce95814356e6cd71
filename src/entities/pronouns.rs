//! Which named person a third-person pronoun ("he", "she", "his", "her") stands for.
//!
//! [`attach`] runs after the grouping of an article's mentions and adds "he", "she", "him",
//! "himself" and "herself" to their person as [`MentionKind::Pronoun`] mentions, so that the
//! API lists them with the names and the quote pass finds "she said" credited like a name.
//!
//! Quotes need it for "“...,” she said": the speaker is a person named earlier, and a newsroom
//! reading "Kim Yo Jong met Vladimir Putin. “...,” she said." must not credit Putin. The
//! resolver is the classic salience-plus-agreement one (Lappin and Leass 1994, in its simplest
//! form): the candidates are the people named in the pronoun's sentence before it and in the
//! [`WINDOW`] sentences before that; those whose gender disagrees with the pronoun's are out;
//! the rest are scored by how near their nearest mention is (in sentences, with a bonus for the
//! pronoun's own: "Carroll put on his pants" is Carroll's even in a story named for someone
//! else), whether that mention is the first person its sentence names (a subject, most often),
//! and how often the article has named them so far (the person a profile is about stays "he"
//! across other names). Past the window, the nearest agreeing person.
//!
//! A person's gender comes first from the article itself: a title or role before a mention
//! ("Mr.", "Mrs.", "sister", "spokeswoman"), and a sentence naming one person only and then
//! using a gendered pronoun ("Kim Yo Jong said she ..."). Where the article says nothing, the
//! given name does when nine in ten of the Americans who bear it in the 1990 Census are of one
//! sex ([`given_name_sex`]; names in world news are too varied for the list to cover most, so it
//! only fills gaps). Unknown agrees with both.
//!
//! Scored on GUM's coreference chains by `parallax eval pronouns` (see its help): on GUM dev,
//! 0.909 of pronouns get the right person, against 0.752 for the nearest name (train, which the
//! weights were chosen on: 0.918 against 0.800). Without the given names (`--article-only`):
//! dev 0.889, train 0.920.

use super::EntityType;
use super::canonical::{Entity, EntityMention, MentionKind, SentenceTokens, is_title};
use super::names::Names;

/// Grammatical gender of a pronoun, or what the article says of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// Nothing said.
    #[default]
    Unknown,
    /// "he".
    Male,
    /// "she".
    Female,
}

impl Gender {
    /// True when a pronoun of gender `pronoun` may stand for a person of this gender.
    pub fn agrees(self, pronoun: Gender) -> bool {
        self == Gender::Unknown || pronoun == Gender::Unknown || self == pronoun
    }
}

/// The gender of a third-person singular pronoun ("he", "Her", "himself"); `None` for any other
/// word.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    // (Runs on every token of an article: no allocation.)
    let is = |forms: &[&str]| forms.iter().any(|f| f.eq_ignore_ascii_case(word));
    if word.len() > 7 || !word.starts_with(['h', 'H', 's', 'S']) {
        None
    } else if is(&["he", "him", "his", "himself"]) {
        Some(Gender::Male)
    } else if is(&["she", "her", "hers", "herself"]) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a title or role word before a name gives its person ("Mr.", "Mrs", "sister",
/// "spokeswoman"); `None` for words that say nothing ("President", "Dr.").
pub fn title_gender(word: &str) -> Option<Gender> {
    let lower = word.trim_end_matches('.').to_lowercase();
    const MALE: &[&str] = &[
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "emperor",
        "brother",
        "father",
        "son",
        "husband",
        "uncle",
        "nephew",
        "grandfather",
        "grandson",
        "man",
        "boy",
        "gentleman",
        "businessman",
        "chairman",
        "spokesman",
        "congressman",
        "councilman",
        "actor",
        "monsieur",
        "herr",
    ];
    const FEMALE: &[&str] = &[
        "mrs",
        "ms",
        "miss",
        "madam",
        "madame",
        "dame",
        "lady",
        "queen",
        "princess",
        "empress",
        "sister",
        "mother",
        "daughter",
        "wife",
        "widow",
        "aunt",
        "niece",
        "grandmother",
        "granddaughter",
        "woman",
        "girl",
        "businesswoman",
        "chairwoman",
        "spokeswoman",
        "congresswoman",
        "councilwoman",
        "actress",
        "mme",
        "frau",
    ];
    if MALE.contains(&lower.as_str()) {
        Some(Gender::Male)
    } else if FEMALE.contains(&lower.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// A person named in the article: which person (an index the caller gives each entity), in
/// which sentence, at which token of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    /// Which person.
    pub person: usize,
    /// Sentence index in the article.
    pub sentence: usize,
    /// Token index in the sentence (the mention's first).
    pub token: usize,
    /// One past the mention's last token.
    pub end: usize,
}

/// How many sentences before the pronoun's its antecedent may be named in.
pub const WINDOW: usize = 3;

/// What the article says of each person's gender (indexed by `Named::person`, `people` of
/// them): titles and roles up to three words before a mention ("Mrs. Clinton", "his sister Kim
/// Yo Jong", "the spokeswoman, Maria Zakharova" is not read), and gendered pronouns after the
/// only person a sentence names. `sentences` are the article's tokens; `named` its person
/// mentions in text order.
pub fn genders(sentences: &[&[&str]], named: &[Named], people: usize) -> Vec<Gender> {
    let mut votes = vec![(0u32, 0u32); people];
    let mut vote = |person: usize, g: Gender| {
        if let Some(v) = votes.get_mut(person) {
            match g {
                Gender::Male => v.0 += 1,
                Gender::Female => v.1 += 1,
                Gender::Unknown => {}
            }
        }
    };
    for n in named {
        let Some(words) = sentences.get(n.sentence) else {
            continue;
        };
        if let Some(g) = (n.token.saturating_sub(3)..n.token)
            .rev()
            .find_map(|i| title_gender(words[i]))
        {
            vote(n.person, g);
        }
    }
    let mut k = 0;
    while k < named.len() {
        let sentence = named[k].sentence;
        let end = named[k..]
            .iter()
            .position(|n| n.sentence != sentence)
            .map_or(named.len(), |e| k + e);
        let first = &named[k];
        if named[k..end].iter().all(|n| n.person == first.person)
            && let Some(words) = sentences.get(sentence)
        {
            for w in &words[first.token + 1..] {
                if let Some(g) = pronoun_gender(w) {
                    vote(first.person, g);
                }
            }
        }
        k = end;
    }
    votes
        .into_iter()
        .map(|(m, f)| match m.cmp(&f) {
            std::cmp::Ordering::Greater => Gender::Male,
            std::cmp::Ordering::Less => Gender::Female,
            std::cmp::Ordering::Equal => Gender::Unknown,
        })
        .collect()
}

/// Gives each person the article said nothing of ([`genders`]) the sex its given name is borne
/// by, when nine in ten of the people who bear it are of one sex ([`given_name_sex`]): weaker
/// evidence than the article's own, so it only fills gaps.
pub fn fill_from_given_names(
    genders: &mut [Gender],
    sentences: &[&[&str]],
    named: &[Named],
    names: &Names,
) {
    for n in named {
        if let (Some(g @ Gender::Unknown), Some(words)) =
            (genders.get_mut(n.person), sentences.get(n.sentence))
            && let Some(mention) = words.get(n.token..n.end)
        {
            *g = given_name_sex(mention, names);
        }
    }
}

/// The sex a name's given name is borne by, from the Census lists: the name's first word past
/// any determiner or title ("Traci" in "Traci Kaminski", "Joe" in "Vice President Joe Biden"),
/// when it is a given name of one sex and either more of the name follows or it is no surname
/// ("Traci" alone, but not "Jordan" or "Young"). Unknown otherwise; a later given name is never
/// read ("Zaha Mohammad Hadid" is not a man's name).
pub fn given_name_sex(mention: &[&str], names: &Names) -> Gender {
    let Some(i) = mention
        .iter()
        .position(|w| w.starts_with(char::is_uppercase) && !is_title(w))
    else {
        return Gender::Unknown;
    };
    let info = names.get(&mention[i].to_lowercase());
    let more = mention
        .get(i + 1)
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    if info.given > 0 && (more || info.surname == 0) {
        info.sex
    } else {
        Gender::Unknown
    }
}

/// The mention (an index into `named`, which is in text order) the pronoun of gender `gender`
/// at token `token` of sentence `sentence` (whose words are `words`) stands for, if any: see the
/// module docs.
pub fn antecedent<W: AsRef<str>>(
    named: &[Named],
    genders: &[Gender],
    words: &[W],
    sentence: usize,
    token: usize,
    gender: Gender,
) -> Option<usize> {
    let before = named.partition_point(|n| (n.sentence, n.token) < (sentence, token));
    // "Trump, whom he called a “con artist”": the subject of a relative clause is not the
    // person the clause is about (he is not Trump).
    let word = |i: usize| words.get(i).map(AsRef::as_ref);
    let described = before
        .checked_sub(1)
        .map(|i| named[i])
        .filter(|n| {
            n.sentence == sentence
                && n.end + 2 == token
                && word(n.end) == Some(",")
                && matches!(word(n.end + 1), Some("who" | "whom"))
        })
        .map(|n| n.person);
    // Each agreeing person named in the window, by its nearest mention.
    let mut best: Option<(f64, usize)> = None;
    let mut seen: Vec<usize> = Vec::new();
    for i in (0..before).rev() {
        let n = named[i];
        if n.sentence + WINDOW < sentence {
            break;
        }
        if seen.contains(&n.person)
            || described == Some(n.person)
            || !genders
                .get(n.person)
                .copied()
                .unwrap_or_default()
                .agrees(gender)
        {
            continue;
        }
        seen.push(n.person);
        // Its mention is the first person named in its sentence: a subject, most often.
        let first = named[..i]
            .iter()
            .rev()
            .take_while(|m| m.sentence == n.sentence)
            .all(|m| m.person == n.person);
        let count = named[..before]
            .iter()
            .filter(|m| m.person == n.person)
            .count();
        // Salience: near (in the pronoun's own sentence above all), a subject, and named often
        // so far (ln of the mentions).
        let score = -DISTANCE * (sentence - n.sentence) as f64
            + if n.sentence == sentence {
                SAME_SENTENCE
            } else {
                0.0
            }
            + if first { SUBJECT } else { 0.0 }
            + FREQUENCY * (count as f64).ln();
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    // Past the window, the nearest agreeing person (a profile's subject named once, long ago).
    best.map(|(_, i)| i).or_else(|| {
        (0..before).rev().find(|&i| {
            described != Some(named[i].person)
                && genders
                    .get(named[i].person)
                    .copied()
                    .unwrap_or_default()
                    .agrees(gender)
        })
    })
}

/// Weights of the salience score, chosen on GUM train (`eval pronouns`: a grid over distance
/// 0.5-2, subject 0-1, frequency 0-4 is flat within 0.002 of accuracy around these; a bonus
/// for the pronoun's own sentence then added 0.009).
const DISTANCE: f64 = 1.0;
const SAME_SENTENCE: f64 = 1.0;
const SUBJECT: f64 = 0.5;
const FREQUENCY: f64 = 2.0;

/// Confidence of a pronoun mention: the resolver's accuracy on GUM dev, rounded down.
const PRONOUN_CONFIDENCE: f32 = 0.90;

/// Adds every "he", "she", "him", "himself" and "herself" of the article to the person it
/// stands for, as a [`MentionKind::Pronoun`] mention (possessives are left out: "his
/// spokesman said" must stay the spokesman's). `sentences` are the article's tokens; gender
/// also comes from the roles the grouping gave each person ("the sister of ...").
pub fn attach(sentences: &[SentenceTokens<'_>], entities: &mut [Entity], names: &Names) {
    let locate = |at: usize| -> Option<(usize, usize)> {
        let s = sentences.partition_point(|s| s.spans.first().is_some_and(|t| t.start <= at));
        let s = s.checked_sub(1)?;
        let t = sentences[s].spans.partition_point(|t| t.end <= at);
        (t < sentences[s].spans.len()).then_some((s, t))
    };
    let mut named: Vec<Named> = Vec::new();
    for (e, entity) in entities.iter().enumerate() {
        if entity.kind != EntityType::Person {
            continue;
        }
        for m in &entity.mentions {
            if let Some((sentence, token)) = locate(m.span.start) {
                let end = locate(m.span.end.saturating_sub(1))
                    .filter(|&(s, _)| s == sentence)
                    .map_or(token + 1, |(_, last)| last + 1);
                named.push(Named {
                    person: e,
                    sentence,
                    token,
                    end,
                });
            }
        }
    }
    if named.is_empty() {
        return;
    }
    named.sort_by_key(|n| (n.sentence, n.token));
    let words: Vec<&[&str]> = sentences.iter().map(|s| s.words.as_slice()).collect();
    let mut genders = genders(&words, &named, entities.len());
    for (gender, entity) in genders.iter_mut().zip(entities.iter()) {
        if *gender == Gender::Unknown
            && let Some(g) = entity
                .roles
                .iter()
                .flat_map(|r| r.split_whitespace())
                .find_map(title_gender)
        {
            *gender = g;
        }
    }
    fill_from_given_names(&mut genders, &words, &named, names);
    let mut added = false;
    for (si, s) in sentences.iter().enumerate() {
        for (ti, word) in s.words.iter().enumerate() {
            let Some(gender) = pronoun_gender(word) else {
                continue;
            };
            if ["his", "her", "hers"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word))
            {
                continue;
            }
            if let Some(i) = antecedent(&named, &genders, &s.words, si, ti, gender) {
                entities[named[i].person].mentions.push(EntityMention {
                    span: s.spans[ti],
                    kind: MentionKind::Pronoun,
                    confidence: PRONOUN_CONFIDENCE,
                });
                added = true;
            }
        }
    }
    if added {
        for entity in entities.iter_mut() {
            entity.mentions.sort_by_key(|m| m.span.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Vec<&str>> {
        text.split(" | ").map(|s| s.split(' ').collect()).collect()
    }

    /// Person mentions found by capitalized words listed in `people` (one name each).
    fn named_in(sentences: &[Vec<&str>], people: &[&str]) -> Vec<Named> {
        let mut out = Vec::new();
        for (s, words) in sentences.iter().enumerate() {
            for (t, w) in words.iter().enumerate() {
                if let Some(p) = people.iter().position(|p| p == w) {
                    out.push(Named {
                        person: p,
                        sentence: s,
                        token: t,
                        end: t + 1,
                    });
                }
            }
        }
        out
    }

    fn resolve<'p>(text: &str, people: &[&'p str]) -> Vec<(usize, &'p str)> {
        let sentences = tokens(text);
        let named = named_in(&sentences, people);
        let slices: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        let g = genders(&slices, &named, people.len());
        let mut out = Vec::new();
        for (s, words) in sentences.iter().enumerate() {
            for (t, w) in words.iter().enumerate() {
                if let Some(pg) = pronoun_gender(w) {
                    let who = antecedent(&named, &g, words, s, t, pg)
                        .map_or("nobody", |i| people[named[i].person]);
                    out.push((s, who));
                }
            }
        }
        out
    }

    #[test]
    fn gender_learned_in_the_article_overrides_recency() {
        // Yojong is female by her own sentence; Putin is named last.
        let text = "Yojong said she would travel . | Yojong met Putin in Moscow . | she said it was an honor .";
        let got = resolve(text, &["Yojong", "Putin"]);
        assert_eq!(got, vec![(0, "Yojong"), (2, "Yojong")]);
    }

    #[test]
    fn the_subject_of_a_relative_clause_is_not_the_person_it_describes() {
        // Dunn, named most, would win "he" ...
        let text = "Dunn spoke . | Dunn left . | Rubio met Dunn , and he called it a fraud .";
        assert_eq!(resolve(text, &["Rubio", "Dunn"]), vec![(2, "Dunn")]);
        // ... but not in a relative clause about Dunn.
        let text = "Dunn spoke . | Dunn left . | Rubio met Dunn , whom he called a fraud .";
        assert_eq!(resolve(text, &["Rubio", "Dunn"]), vec![(2, "Rubio")]);
    }

    #[test]
    fn titles_give_a_gender_and_the_subject_beats_the_nearest_name() {
        let text = "Mrs. Ortiz thanked Mr. Dunn . | she said the plan was sound . | Ortiz praised Dunn . | he said nothing .";
        let got = resolve(text, &["Ortiz", "Dunn"]);
        // "he": Dunn is male by his title, Ortiz female by hers.
        assert_eq!(got, vec![(1, "Ortiz"), (3, "Dunn")]);
        // Without any gender, the subject of the sentence before wins.
        let got = resolve(
            "Ortiz met Dunn on Monday . | he said it went well .",
            &["Ortiz", "Dunn"],
        );
        assert_eq!(got, vec![(1, "Ortiz")]);
    }

    #[test]
    fn the_person_named_most_stays_the_referent_across_other_names() {
        let text = "Moreau was born in Paris . | Moreau studied acting . | Gabin starred with Moreau . | he was famous then .";
        // Gabin opens the nearest sentence, but the profile is Moreau's: named three times.
        assert_eq!(resolve(text, &["Moreau", "Gabin"]), vec![(3, "Moreau")]);
    }

    #[test]
    fn nobody_of_the_other_gender_and_the_nearest_past_the_window() {
        let text = "Mr. Dunn spoke . | a | b | c | d | she left .";
        assert_eq!(resolve(text, &["Dunn"]), vec![(5, "nobody")]);
        let text = "Mr. Dunn spoke . | a | b | c | d | he left .";
        assert_eq!(resolve(text, &["Dunn"]), vec![(5, "Dunn")]);
        assert_eq!(
            resolve("Mr. Dunn spoke . | she left .", &["Dunn"]),
            vec![(1, "nobody")]
        );
    }

    fn census() -> Names {
        let mut b = crate::entities::names::NamesBuilder::default();
        b.add_given("TRACI 0.1 0.1 1\nJORDAN 0.05 0.15 2\n", Gender::Female)
            .unwrap();
        b.add_given(
            "JOE 0.3 0.3 1\nJORDAN 0.1 0.4 2\nMOHAMMAD 0.01 0.41 3\n",
            Gender::Male,
        )
        .unwrap();
        b.add_surnames("JORDAN 0.1 0.1 1\nWARNER 0.05 0.15 2\n")
            .unwrap();
        Names::parse(&b.build()).unwrap()
    }

    #[test]
    fn the_given_name_is_the_first_word_past_titles() {
        let names = census();
        let sex = |name: &str| given_name_sex(&name.split(' ').collect::<Vec<_>>(), &names);
        assert_eq!(sex("Traci Warner"), Gender::Female);
        assert_eq!(sex("Traci"), Gender::Female);
        assert_eq!(sex("Vice President Joe Biden"), Gender::Male);
        // Borne by both sexes; alone, a surname as well.
        assert_eq!(sex("Jordan Peele"), Gender::Unknown);
        assert_eq!(sex("Joe"), Gender::Male);
        // A later given name is a father's, not hers.
        assert_eq!(sex("Zaha Mohammad Hadid"), Gender::Unknown);
        assert_eq!(sex("the Warner family"), Gender::Unknown);
    }

    #[test]
    fn a_given_name_fills_in_where_the_article_says_nothing() {
        let sentences = tokens("Joe Dunn met Traci Warner . | she said it went well .");
        let slices: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        let named = [
            Named {
                person: 0,
                sentence: 0,
                token: 0,
                end: 2,
            },
            Named {
                person: 1,
                sentence: 0,
                token: 3,
                end: 5,
            },
        ];
        let mut g = genders(&slices, &named, 2);
        // Nothing in the article: the subject wins.
        assert_eq!(
            antecedent(&named, &g, &["she"], 1, 0, Gender::Female),
            Some(0)
        );
        fill_from_given_names(&mut g, &slices, &named, &census());
        assert_eq!(g, vec![Gender::Male, Gender::Female]);
        assert_eq!(
            antecedent(&named, &g, &["she"], 1, 0, Gender::Female),
            Some(1)
        );
        // The article's own word outranks the list.
        let sentences = tokens("Mr. Traci Dunn spoke .");
        let slices: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
        let named = [Named {
            person: 0,
            sentence: 0,
            token: 1,
            end: 3,
        }];
        let mut g = genders(&slices, &named, 1);
        fill_from_given_names(&mut g, &slices, &named, &census());
        assert_eq!(g, vec![Gender::Male]);
    }
}
