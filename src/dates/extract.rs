//! Recognition and normalization of temporal expressions, by rules over tokens.
//!
//! At each token the matchers are tried longest first; the first that matches consumes its tokens.
//! Values follow TIMEX3: calendar dates at the granularity written (`1945-08-15`, `2022-07`,
//! `2022-W32`, `2022-Q3`, `2024-SU`, `199` for the 1990s), durations as ISO 8601 periods (`P3Y`,
//! `PT24H`, `PXY` when the amount is vague), sets as the period that repeats, and the reference
//! values `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`. Relative expressions are resolved against the
//! anchor (the document date); without one their unknown parts are `X`. Those that point into
//! the narrative ("the following year", "later that day", "the previous Friday") are resolved
//! against the time the text last named instead.
//!
//! Narrative anchoring: a history, or a feature recounting 1945, moves the whole text away from
//! its document date. Once the time the text last named is three years or more from the anchor,
//! and such far dates outnumber the ones near it named so far, the text is a narrative at that
//! time: a yearless month, day, season or holiday ("On April 14", "by the winter") takes the
//! narrative's year (the next one for a month up to three months past its turn: "by December ...
//! in January"), and "twelve days later", "a decade earlier", "the same day", "the end of the
//! month" count from it. Each date found moves the narrative on; one near the anchor ("on
//! Tuesday") brings the text back to the present. A month placed from the present ("last May",
//! "the six months ended Aug. 12", a clause that looks forward) keeps the anchor's reading, so a
//! news report's aside about 1949 does not date its "summit in April" in 1949.
//!
//! Two guards keep the classic false positives out: month names that are also words ("May",
//! "March") count only next to a day or year or after a temporal preposition, and nothing
//! lowercase that is not a temporal word starts an expression.

use time::{Date, Duration, Weekday};

use super::{TemporalExpression, TimexType, timeml};
use crate::span::Span;
use crate::text::{Token, TokenKind, tokenize};

/// A token with its lowercase form.
struct Tok<'a> {
    text: &'a str,
    lower: std::borrow::Cow<'a, str>,
    span: Span,
    kind: TokenKind,
}

/// One match: tokens `[start, end)`, its type and value.
struct Match {
    end: usize,
    kind: TimexType,
    value: String,
    anchored: bool,
}

const MONTHS: [(&str, u8); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

const SMALL_NUMBERS: [(&str, u32); 29] = [
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDINALS: [(&str, u8); 4] = [("first", 1), ("second", 2), ("third", 3), ("fourth", 4)];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(word: &str) -> Option<(Unit, bool)> {
        let (stem, plural) = match word.strip_suffix('s') {
            Some(stem) if stem != "hour" || word == "hours" => (stem, true),
            _ => (word, false),
        };
        let unit = match stem {
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ if word == "century" => return Some((Unit::Century, false)),
            _ if word == "centuries" => return Some((Unit::Century, true)),
            _ => return None,
        };
        Some((unit, plural))
    }

    /// The ISO 8601 period for `n` of this unit ("X" for a vague amount).
    fn period(self, n: &str) -> String {
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Weekend => format!("P{n}WE"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{n}DE"),
            Unit::Century => format!("P{n}CE"),
        }
    }

    /// The ISO 8601 period for `n` and a half of this unit, the half written in the next smaller
    /// unit as TimeBank writes it ("P2Y6M", "PT5H30M"), else as a decimal ("P2.5W").
    fn period_and_a_half(self, n: u32) -> String {
        match self {
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Year => format!("P{n}Y6M"),
            Unit::Decade => format!("P{}Y", n * 10 + 5),
            Unit::Century => format!("P{}Y", n * 100 + 50),
            Unit::Week | Unit::Weekend | Unit::Month | Unit::Quarter => {
                self.period(&format!("{n}.5"))
            }
        }
    }
}

/// True for a month or weekday name in any case ("Sunday", "Sept"): words that look like names
/// to other extractors but are none.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    month_of(&lower).is_some() || weekday_of(&lower).is_some()
}

fn month_of(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, m)| m)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let word = word
        .strip_suffix('s')
        .filter(|w| w.ends_with("day"))
        .unwrap_or(word);
    WEEKDAYS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, d)| d)
}

fn small_number(word: &str) -> Option<u32> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        // Digits with thousands separators, parsed without allocating.
        let mut n: u32 = 0;
        for c in word.chars() {
            match c {
                ',' => {}
                '0'..='9' => n = n.checked_mul(10)?.checked_add(c.to_digit(10)?)?,
                _ => return None,
            }
        }
        return Some(n);
    }
    if let Some((tens, ones)) = word.split_once('-') {
        return Some(small_number(tens)? + small_number(ones).filter(|&o| o < 10)?);
    }
    // (Every number word is short and lower-case: most words are neither.)
    if word.len() > 9 || !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    SMALL_NUMBERS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, n)| n)
}

/// An ordinal up to the twenty-ninth, in digits ("20th", "21st") or words ("nineteenth",
/// "twenty-first"): a day of the month or a century.
fn ordinal_number(word: &str) -> Option<u32> {
    ordinal(word).filter(|n| (1..30).contains(n))
}

/// An ordinal from the first to the 999th, in digits ("77th", "21st") or words ("tenth",
/// "seventy-seventh", "hundredth").
pub(super) fn ordinal(word: &str) -> Option<u32> {
    if let Some(digits) = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return digits.parse().ok().filter(|n| (1..1000).contains(n));
    }
    const UNITS: [&str; 9] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];
    const TEENS: [&str; 10] = [
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [(&str, &str); 8] = [
        ("twenty", "twentieth"),
        ("thirty", "thirtieth"),
        ("forty", "fortieth"),
        ("fifty", "fiftieth"),
        ("sixty", "sixtieth"),
        ("seventy", "seventieth"),
        ("eighty", "eightieth"),
        ("ninety", "ninetieth"),
    ];
    let position = |list: &[&str], w: &str| list.iter().position(|&x| x == w);
    if word == "hundredth" {
        return Some(100);
    }
    if let Some(i) = position(&UNITS, word) {
        return Some(i as u32 + 1);
    }
    if let Some(i) = position(&TEENS, word) {
        return Some(i as u32 + 10);
    }
    for (k, &(cardinal, ordinal)) in TENS.iter().enumerate() {
        let tens = 20 + 10 * k as u32;
        if word == ordinal {
            return Some(tens);
        }
        if let Some(unit) = word
            .strip_prefix(cardinal)
            .and_then(|r| r.strip_prefix('-'))
            .and_then(|r| position(&UNITS, r))
        {
            return Some(tens + unit as u32 + 1);
        }
    }
    None
}

fn capitalized(tok: &Tok<'_>) -> bool {
    tok.text.starts_with(|c: char| c.is_uppercase())
}

fn year_of(tok: &Tok<'_>) -> Option<i32> {
    if tok.kind != TokenKind::Number || tok.text.len() != 4 {
        return None;
    }
    tok.text.parse().ok().filter(|y| (1000..=2199).contains(y))
}

/// The decade a word like "1990s" (`digits` long before its "s") names, as its first digits
/// (199).
fn decade_of(word: &str, digits: usize) -> Option<i32> {
    let year = word.strip_suffix('s')?;
    if year.len() != digits || !year.ends_with('0') {
        return None;
    }
    year.parse::<i32>().ok().map(|y| y / 10)
}

/// Words that join the two ends of a range of days or years ("15-17", "from 15 to 22",
/// "264 to 241 BC").
fn joins_a_range(word: &str) -> bool {
    matches!(word, "-" | "–" | "to" | "through" | "until")
}

/// A number that can be a year written with its era: 1 to 9999, in digits.
fn era_year(tok: &Tok<'_>) -> Option<i32> {
    if tok.kind != TokenKind::Number || tok.text.len() > 4 {
        return None;
    }
    tok.text.parse().ok().filter(|y| (1..=9999).contains(y))
}

/// An era's abbreviation: true for before the common era ("BC", "B.C.", "BCE"), false for the
/// common era ("AD", "A.D.", "CE").
fn era_of(tok: &Tok<'_>) -> Option<bool> {
    let letters: String = tok.text.chars().filter(|&c| c != '.').collect();
    match letters.as_str() {
        "BC" | "BCE" => Some(true),
        "AD" | "CE" => Some(false),
        _ => None,
    }
}

fn day_of(tok: &Tok<'_>) -> Option<u8> {
    let digits = tok.lower.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &tok.lower[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn pad2(n: u8) -> String {
    format!("{n:02}")
}

/// A year as TIMEX3 writes it: four digits, and years before the common era as "BC" and the
/// year ("BC0480" for 480 BC). Years are astronomical inside the matcher, as [`Date`] counts
/// them: 1 BC is year 0, 480 BC is -479.
fn year_text(year: i32) -> String {
    if year > 0 {
        format!("{year:04}")
    } else {
        format!("BC{:04}", 1 - i64::from(year))
    }
}

/// The decade (`size` 10: "198", "BC048") or century (100: "19", "BC04") `delta` of them after
/// the one `year` is in. Before the common era they count down: the decade after the 490s BC is
/// the 480s BC.
fn span_text(year: i32, size: i32, delta: i32) -> String {
    let width = if size == 10 { 3 } else { 2 };
    let (bc, n) = if year > 0 {
        ("", year / size + delta)
    } else {
        ("BC", (1 - year) / size - delta)
    };
    // Across the turn of the era the count would go negative: say only the size.
    if n < 0 {
        return "X".repeat(width);
    }
    format!("{bc}{n:0width$}")
}

fn month_value(year: Option<i32>, month: u8) -> String {
    match year {
        Some(y) => format!("{}-{}", year_text(y), pad2(month)),
        None => format!("XXXX-{}", pad2(month)),
    }
}

/// A weekday whose week is unknown, as TIMEX3 writes it: "Monday" is `XXXX-WXX-1`.
fn unknown_week(day: Weekday) -> String {
    format!("XXXX-WXX-{}", day.number_from_monday())
}

fn day_value(year: Option<i32>, month: u8, day: u8) -> String {
    format!("{}-{}", month_value(year, month), pad2(day))
}

/// A part of the day `delta` days from `day` ("the next morning", "last night"), a TIME
/// ending at token `end`; an unknown day when there is none.
fn part_of_day(day: Option<Date>, delta: i32, part: &str, end: usize) -> Match {
    let value = day
        .and_then(|d| d.checked_add(Duration::days(i64::from(delta))))
        .map_or_else(|| "XXXX-XX-XX".to_owned(), date_value);
    Match {
        end,
        kind: TimexType::Time,
        value: format!("{value}T{part}"),
        anchored: true,
    }
}

fn date_value(date: Date) -> String {
    format!(
        "{}-{}-{}",
        year_text(date.year()),
        pad2(u8::from(date.month())),
        pad2(date.day())
    )
}

/// Quarter `q` of `year` ("1989-Q3"; "XXXX-Q3" when the year is unknown).
fn quarter_value(year: Option<i32>, q: u8) -> String {
    year.map_or_else(
        || format!("XXXX-Q{q}"),
        |y| format!("{}-Q{q}", year_text(y)),
    )
}

fn week_value(date: Date) -> String {
    let (year, week, _) = date.to_iso_week_date();
    format!("{}-W{week:02}", year_text(year))
}

/// Shifts a (year, month) pair by `delta` months.
fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let index = year * 12 + i32::from(month) - 1 + delta;
    // `rem_euclid(12)` is in 0..12, so the month fits a u8.
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// Which occurrence of a month (or season) a reference means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    /// Nothing says: the nearest, by the newswire habit in [`year_for_month`].
    Nearest,
    /// The clause is in the past tense: the latest occurrence up to the anchor's month.
    Past,
    /// The clause looks forward: the first occurrence from the anchor's month on.
    Future,
    /// "last May": the latest occurrence before the anchor's month.
    Last,
    /// "this May": the anchor's year.
    This,
    /// "next May": the first occurrence after the anchor's month.
    Next,
}

/// The year a month means in a news report dated `anchor`. Without a cue: a month up to three
/// months ahead is the coming one, any other the past one (this year's when it is the anchor's
/// month).
fn year_for_month(anchor: Option<Date>, month: u8, lean: Lean) -> Option<i32> {
    let anchor = anchor?;
    let current = u8::from(anchor.month());
    let year = anchor.year();
    Some(match lean {
        Lean::This => year,
        Lean::Last => year - i32::from(month >= current),
        Lean::Past => year - i32::from(month > current),
        Lean::Future => year + i32::from(month < current),
        Lean::Next => year + i32::from(month <= current),
        Lean::Nearest => {
            let ahead = (i32::from(month) - i32::from(current)).rem_euclid(12);
            if ahead == 0 {
                year
            } else if ahead < 4 {
                // The nearest occurrence is ahead: later this year, or early next year.
                year + i32::from(month < current)
            } else {
                year - i32::from(month > current)
            }
        }
    })
}

/// The year (its January's) of the winter "this winter" (`delta` 0), "last winter" or "this
/// past winter" (-1, or `past`) and "next winter" (1) mean on `anchor`: inside a winter
/// (December to March) "this" is that one; from April to November it is the coming one, and
/// "last" the one that ended that spring.
fn winter_year(anchor: Date, delta: i32, past: bool) -> i32 {
    let month = u8::from(anchor.month());
    let year = anchor.year();
    let inside = month == 12 || month <= 3;
    // After March the winter meant is the one that ends next year.
    let this = year + i32::from(month > 3);
    match (delta, past) {
        (_, true) | (-1, _) => this - 1,
        (0, _) => this,
        _ if inside => this + 1,
        _ => this,
    }
}

/// The date a weekday name refers to. Newswire convention: a bare weekday is usually past: the
/// anchor's own day when they match, the coming one only when it is the next day, else
/// the past one; "last" and "next", or a future cue, pick a direction.
fn resolve_weekday(anchor: Date, day: Weekday, direction: i8) -> Option<Date> {
    let current = i64::from(anchor.weekday().number_days_from_monday());
    let target = i64::from(day.number_days_from_monday());
    let back = (current - target).rem_euclid(7);
    let forward = if back == 0 { 7 } else { 7 - back };
    let offset = match direction {
        d if d > 0 => forward,
        d if d < 0 && back == 0 => -7,
        d if d < 0 => -back,
        _ if back <= 5 => -back,
        _ => forward,
    };
    anchor.checked_add(Duration::days(offset))
}

/// Words before a date that make it point forward.
fn looks_forward(toks: &[Tok<'_>], i: usize) -> bool {
    toks[i.saturating_sub(4)..i].iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "will" | "'ll" | "shall" | "next" | "coming" | "upcoming" | "scheduled"
        )
    })
}

/// Words that make a clause look forward ("are expected to join in April", "will be named ...
/// for a mission in December").
const FUTURE_WORDS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "wo",
    "expected",
    "expects",
    "expect",
    "scheduled",
    "planned",
    "due",
    "upcoming",
];

/// Verbs that look forward only before "to" ("plans to", but "announced the plan Aug. 21").
const FUTURE_BEFORE_TO: &[&str] = &["plan", "plans", "planning", "intends", "aims", "hopes"];

/// Past forms of common verbs that do not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "began", "came", "took", "made", "won", "lost", "went",
    "saw", "told", "brought", "bought", "sold", "left", "met", "held", "gave", "got", "paid",
    "fell", "rose", "became", "found", "thought", "ran", "wrote", "spent", "sent", "built", "kept",
    "led", "ago", "struck", "fought", "broke", "chose", "drove", "flew", "grew", "knew", "spoke",
    "stood", "swore", "threw", "wore", "hit", "quit",
];

/// Words ending in "-ed" that are no past tense.
const NOT_PAST: &[&str] = &[
    "hundred",
    "indeed",
    "proceed",
    "exceed",
    "succeed",
    "limited",
    "united",
    "supposed",
    "interested",
    "concerned",
    "embed",
    "speed",
    "breed",
];

/// Does the clause around tokens `[start, end)` look forward? Its nearest verb form within the
/// sentence decides: a forward-looking word ("are expected to join in April") says
/// `Some(true)`, a past form ("announced the plan Aug. 21") `Some(false)`, and `None` when
/// neither is found. A past participle after a form of "be" is a passive,
/// not a tense ("will be named ... for a mission in December"). After the date the clause ends at
/// a comma (", officials said").
///
/// A past form only keeps a farther future word from deciding: news reports the future in the
/// past ("said it will pay on Dec. 7"), and on TBAQ train reading past forms as past cost more
/// months than it fixed.
fn clause_looks_forward(toks: &[Tok<'_>], start: usize, end: usize) -> Option<bool> {
    let boundary = |t: &Tok<'_>| matches!(t.text, "." | "!" | "?" | ";");
    // Some(true): looks forward; Some(false): a past form; None: neither.
    let read = |k: usize| -> Option<bool> {
        let word = toks[k].lower.as_ref();
        if FUTURE_WORDS.contains(&word)
            || (FUTURE_BEFORE_TO.contains(&word)
                && toks.get(k + 1).is_some_and(|t| t.lower == "to"))
        {
            return Some(true);
        }
        let passive = k > 0
            && matches!(
                toks[k - 1].lower.as_ref(),
                "be" | "been" | "being" | "is" | "are" | "am"
            );
        let past = IRREGULAR_PAST.contains(&word)
            || (word.len() >= 5
                && !NOT_PAST.contains(&word)
                && word.ends_with("ed")
                && word.chars().all(|c| c.is_ascii_lowercase())
                && toks[k].text.starts_with(|c: char| c.is_lowercase()));
        (past && !passive).then_some(false)
    };
    let before = (start.saturating_sub(15)..start)
        .rev()
        .take_while(|&k| !boundary(&toks[k]));
    let after =
        (end..toks.len().min(end + 6)).take_while(|&k| !boundary(&toks[k]) && toks[k].text != ",");
    // Nearest first, before winning a tie.
    let mut before = before.peekable();
    let mut after = after.peekable();
    loop {
        let next = match (before.peek(), after.peek()) {
            (Some(&b), Some(&a)) if start - b <= a + 1 - end => before.next(),
            (Some(_), Some(_)) | (None, Some(_)) => after.next(),
            (Some(_), None) => before.next(),
            (None, None) => return None,
        };
        if let Some(k) = next {
            if let Some(forward) = read(k) {
                return Some(forward);
            }
        }
    }
}

/// The value of `unit` shifted by `delta` from the anchor, at the unit's granularity.
fn shifted(anchor: Option<Date>, unit: Unit, delta: i32) -> Option<String> {
    let a = anchor?;
    Some(match unit {
        // Anchors near the ends of the calendar cannot be shifted: no value rather than a panic.
        Unit::Day => date_value(a.checked_add(Duration::days(i64::from(delta)))?),
        Unit::Week => week_value(a.checked_add(Duration::weeks(i64::from(delta)))?),
        Unit::Weekend => format!(
            "{}-WE",
            week_value(a.checked_add(Duration::weeks(i64::from(delta)))?)
        ),
        Unit::Month => {
            let (y, m) = add_months(a.year(), u8::from(a.month()), delta);
            month_value(Some(y), m)
        }
        Unit::Quarter => {
            let q = (i32::from(u8::from(a.month())) - 1) / 3 + delta;
            quarter_value(
                Some(a.year() + q.div_euclid(4)),
                (q.rem_euclid(4) + 1) as u8,
            )
        }
        Unit::Year => year_text(a.year() + delta),
        Unit::Decade => span_text(a.year(), 10, delta),
        Unit::Century => span_text(a.year(), 100, delta),
        Unit::Minute | Unit::Hour => date_value(a),
    })
}

fn unresolved(unit: Unit) -> String {
    match unit {
        Unit::Day | Unit::Minute | Unit::Hour => "XXXX-XX-XX".into(),
        Unit::Week | Unit::Weekend => "XXXX-WXX".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Year => "XXXX".into(),
        Unit::Decade => "XXX".into(),
        Unit::Century => "XX".into(),
    }
}

/// Seasons, their TIMEX3 code and the month that dates them: the first, except for winter, which
/// is dated by its January, the year most of it falls in (WikiWars dates the winter of 1777-78
/// "1778-WI" every time; climatology counts a winter towards its second year too).
const SEASONS: [(&str, &str, u8); 5] = [
    ("spring", "SP", 3),
    ("summer", "SU", 6),
    ("fall", "FA", 9),
    ("autumn", "FA", 9),
    ("winter", "WI", 1),
];

/// Nouns a holiday name modifies rather than dates ("Christmas tree", "the Easter egg hunt").
const HOLIDAY_COMPOUNDS: &[&str] = &[
    "tree",
    "trees",
    "card",
    "cards",
    "carol",
    "carols",
    "party",
    "parties",
    "shopping",
    "season",
    "gift",
    "gifts",
    "present",
    "presents",
    "market",
    "markets",
    "lights",
    "dinner",
    "egg",
    "eggs",
    "bunny",
    "sales",
    "spirit",
    "message",
    "truce",
    "offensive",
    "parade",
    "special",
    "turkey",
    "story",
    "songs",
    "song",
    "bonus",
    "decorations",
];

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy)]
enum Holiday {
    /// Month and day.
    Fixed(u8, u8),
    /// The `n`th weekday of a month (`n` of -1: the last).
    Nth(i8, Weekday, u8),
    /// Western Easter Sunday, plus days.
    Easter(i8),
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
}

/// Holiday names (lowercased words, longest first) and their dates. The US federal holidays
/// newswire dates by name, and the Christian ones every Western calendar shares.
const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["christmas eve"], Holiday::Fixed(12, 24)),
    (&["christmas day", "christmas"], Holiday::Fixed(12, 25)),
    (&["boxing day"], Holiday::Fixed(12, 26)),
    (
        &["new year 's eve", "new year's eve"],
        Holiday::Fixed(12, 31),
    ),
    (
        &[
            "new year 's day",
            "new year's day",
            "new year 's",
            "new year's",
        ],
        Holiday::Fixed(1, 1),
    ),
    (
        &["valentine 's day", "valentine's day"],
        Holiday::Fixed(2, 14),
    ),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (&["veterans day"], Holiday::Fixed(11, 11)),
    (
        &["thanksgiving day", "thanksgiving"],
        Holiday::Nth(4, Weekday::Thursday, 11),
    ),
    (&["labor day"], Holiday::Nth(1, Weekday::Monday, 9)),
    (&["memorial day"], Holiday::Nth(-1, Weekday::Monday, 5)),
    (&["election day"], Holiday::Election),
    (&["good friday"], Holiday::Easter(-2)),
    (&["easter sunday", "easter"], Holiday::Easter(0)),
    (&["easter monday"], Holiday::Easter(1)),
];

/// The date of `holiday` in `year`.
fn holiday_date(holiday: Holiday, year: i32) -> Option<Date> {
    let month = |m: u8| time::Month::try_from(m).ok();
    match holiday {
        Holiday::Fixed(m, d) => Date::from_calendar_date(year, month(m)?, d).ok(),
        Holiday::Nth(n, weekday, m) => {
            let first = Date::from_calendar_date(year, month(m)?, 1).ok()?;
            if n > 0 {
                let ahead = (i64::from(weekday.number_days_from_monday())
                    - i64::from(first.weekday().number_days_from_monday()))
                .rem_euclid(7);
                first.checked_add(Duration::days(ahead + 7 * (i64::from(n) - 1)))
            } else {
                let last =
                    Date::from_calendar_date(year, month(m)?, first.month().length(year)).ok()?;
                let back = (i64::from(last.weekday().number_days_from_monday())
                    - i64::from(weekday.number_days_from_monday()))
                .rem_euclid(7);
                last.checked_sub(Duration::days(back))
            }
        }
        Holiday::Easter(offset) => {
            // The anonymous Gregorian algorithm (Meeus, Jones, Butcher).
            let (a, b, c) = (year % 19, year / 100, year % 100);
            let (d, e) = (b / 4, b % 4);
            let g = (8 * b + 13) / 25;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 19 * l) / 433;
            let mon = (h + l - 7 * m + 90) / 25;
            let day = (h + l - 7 * m + 33 * mon + 19) % 32;
            let sunday = Date::from_calendar_date(
                year,
                month(u8::try_from(mon).ok()?)?,
                u8::try_from(day).ok()?,
            )
            .ok()?;
            sunday.checked_add(Duration::days(i64::from(offset)))
        }
        Holiday::Election => {
            let monday = holiday_date(Holiday::Nth(1, Weekday::Monday, 11), year)?;
            monday.checked_add(Duration::days(1))
        }
    }
}

/// Words that may follow a season standing for a time ("the summer and fall", "in the winter
/// when ..."); any other word after it makes it a modifier ("summer camp", "summer offensive").
/// Holidays are read the other way round ([`HOLIDAY_COMPOUNDS`]): "was found Thanksgiving Day
/// clinging to ..." is a date.
const WORDS_AFTER_A_TIME: &[&str] = &[
    "and", "or", "of", "when", "as", "is", "was", "will", "has", "had", "to", "in", "on", "at",
    "for", "that", "with", "after", "before", "but", "the", "a", "an", "it", "he", "she", "they",
    "we", "i",
];

const PARTS_OF_DAY: [(&str, &str); 5] = [
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("overnight", "NI"),
];

/// The time the narrative last named: the value of the latest date or time found, to the
/// granularity written ("1995-05-22", "1998-06", "1998"). "The following year", "that day" and
/// "the previous Friday" are anchored to it rather than to the document date, as TimeML anchors
/// them to the time the text is talking about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reference {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl Reference {
    /// The reference a DATE or TIME value sets: its calendar part, when its year is known.
    fn of(value: &str) -> Option<Reference> {
        fn digits(s: Option<&str>) -> Option<&str> {
            s.filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        }
        // "BC0480-WI": the reference counts years as the matcher does (480 BC is -479).
        let (value, bc) = match value.strip_prefix("BC") {
            Some(rest) => (rest, true),
            None => (value, false),
        };
        let year: i32 = digits(value.get(0..4))?.parse().ok()?;
        let year = if bc { 1 - year } else { year };
        let rest = value.get(4..).unwrap_or("");
        let month = rest
            .strip_prefix('-')
            .and_then(|r| digits(r.get(0..2)))
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        let day = month
            .and_then(|_| digits(value.get(8..10)).filter(|_| value.get(7..8) == Some("-")))
            .and_then(|d| d.parse().ok());
        Some(Reference { year, month, day })
    }

    fn from_date(date: Date) -> Reference {
        Reference {
            year: date.year(),
            month: Some(u8::from(date.month())),
            day: Some(date.day()),
        }
    }

    /// The reference as a date, to the granularity `unit` needs (the first of a month or year
    /// standing for it), when it is that precise.
    fn date_for(self, unit: Unit) -> Option<Date> {
        let (month, day) = match unit {
            Unit::Year | Unit::Decade | Unit::Century => (1, 1),
            Unit::Month | Unit::Quarter => (self.month?, 1),
            Unit::Day | Unit::Week | Unit::Weekend | Unit::Hour | Unit::Minute => {
                (self.month?, self.day?)
            }
        };
        Date::from_calendar_date(self.year, time::Month::try_from(month).ok()?, day).ok()
    }

    /// The value of the reference's own `unit` ("that day", "that year"): X for what it does not
    /// say.
    fn value(self, unit: Unit) -> String {
        match (unit, self.date_for(unit)) {
            (_, Some(date)) => shifted(Some(date), unit, 0).unwrap_or_else(|| unresolved(unit)),
            (Unit::Day | Unit::Hour | Unit::Minute, None) => match self.month {
                Some(m) => format!("{}-{m:02}-XX", year_text(self.year)),
                None => format!("{}-XX-XX", year_text(self.year)),
            },
            (Unit::Week | Unit::Weekend, None) => format!("{}-WXX", year_text(self.year)),
            (Unit::Month | Unit::Quarter, None) => format!("{}-XX", year_text(self.year)),
            (Unit::Year | Unit::Decade | Unit::Century, None) => unresolved(unit),
        }
    }
}

/// Is `year` well away from the anchor's, three years or more? Two years back is still the
/// reach of a news report's "the year before last" (on TBAQ train a gap of two cost a biography
/// that comes up to the year before its report; WikiWars gains nothing from it).
fn far_from(anchor: Date, year: i32) -> bool {
    (anchor.year() - year).abs() >= 3
}

struct Matcher<'t, 'a> {
    toks: &'t [Tok<'a>],
    anchor: Option<Date>,
    /// The time the text last named ([`Reference`]); the anchor until a date is found.
    reference: std::cell::Cell<Option<Reference>>,
    /// The document reports by quarter (it names one, or says "quarter" twice): "a year ago"
    /// then means the same quarter a year before, as earnings reports use it.
    fiscal: bool,
    /// The quarter an earnings report is about: the first one it names ("fourth-quarter net
    /// rose"), which "the latest period" and "a year earlier" then refer back to. A fiscal
    /// fourth quarter can end in September, so the calendar alone cannot tell.
    named_quarter: Option<u8>,
    /// The year of the latest date found in each month (January first): a month named again
    /// without a cue is the one the text already named ("join in April ... the summit in
    /// April").
    months_named: std::cell::Cell<[Option<i32>; 12]>,
    /// How many dates the text has named so far near the anchor and well away from it
    /// ([`far_from`]), as (near, far).
    named: std::cell::Cell<(u32, u32)>,
}

impl Matcher<'_, '_> {
    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_ref())
    }

    /// The quarter a report dated by the anchor is about, as (year, quarter): the one it names
    /// first, in the year it last began; else the last one completed before the anchor.
    fn reported_quarter(&self) -> Option<(i32, u8)> {
        let a = self.anchor?;
        let current = (u8::from(a.month()) - 1) / 3 + 1;
        if let Some(q) = self.named_quarter {
            return Some((a.year() - i32::from(q > current), q));
        }
        let q = i32::from(current) - 1;
        // `rem_euclid(4)` is in 0..4, so the quarter fits a u8.
        Some((
            a.year() + (q - 1).div_euclid(4),
            ((q - 1).rem_euclid(4) + 1) as u8,
        ))
    }

    /// `unit` shifted by `delta` from the reference time ("the following year"); the reference's
    /// own value with its unknown parts as X when it is not that precise ("June 1918 ... the next
    /// day" is 1918-06-XX); from the anchor when the text has named no time.
    fn shifted_from_reference(&self, unit: Unit, delta: i32) -> String {
        let reference = self.reference.get();
        // "In June 479 BC ... the next day": a day of that month, which the text does not say.
        if let Some(r) = reference
            && r.date_for(unit).is_none()
        {
            return r.value(unit);
        }
        let base = reference.and_then(|r| r.date_for(unit)).or(self.anchor);
        shifted(base, unit, delta).unwrap_or_else(|| unresolved(unit))
    }

    /// The time a narrative is at: the reference, when the text has moved well away from the
    /// anchor. That is when the reference is [`far_from`] the anchor and most dates named so far
    /// were too (a history, a feature recounting 1945); a news report that mentions a founding
    /// in 1949 stays in the present. Without an anchor any reference is the narrative's.
    fn narrative(&self) -> Option<Reference> {
        let r = self.reference.get()?;
        let (near, far) = self.named.get();
        match self.anchor {
            Some(a) if !far_from(a, r.year) || far <= near => None,
            _ => Some(r),
        }
    }

    /// The year of a yearless month in a narrative: the narrative's own year, or the next one
    /// when the month is at most three months ahead across the turn of the year ("by December
    /// ... in January"), as a bare month in a news report is the coming one up to three months
    /// ahead ([`year_for_month`]). A narrative moves forward, so a month later in the year is
    /// that year's, and one a little earlier a look back within it.
    fn narrative_year(&self, month: u8) -> Option<i32> {
        let r = self.narrative()?;
        Some(match r.month {
            Some(current) if current > month + 8 => r.year + 1,
            _ => r.year,
        })
    }

    /// The reference time as a day, else the anchor.
    fn reference_day(&self) -> Option<Date> {
        self.reference
            .get()
            .and_then(|r| r.date_for(Unit::Day))
            .or(self.anchor)
    }

    /// "that day", "that same year", "later that month", "earlier that morning": the reference
    /// time's own day, year or month, or a part of its day.
    fn that(&self, i: usize) -> Option<Match> {
        let at = i + usize::from(matches!(self.lower(i), "earlier" | "later"));
        if self.lower(at) != "that" {
            return None;
        }
        // After a verb "that" opens a clause ("argued that day care costs ..."): only a
        // preposition, "earlier" or "later", or the start of a clause may come before it.
        let unit_at = at + 1 + usize::from(self.lower(at + 1) == "same");
        if at == i
            && i > 0
            && !matches!(
                self.lower(i - 1),
                "in" | "on"
                    | "at"
                    | "for"
                    | "during"
                    | "by"
                    | "until"
                    | "since"
                    | "from"
                    | "of"
                    | "through"
                    | "throughout"
                    | "after"
                    | "before"
                    | "out"
                    | "over"
                    | "within"
                    | "and"
                    | "but"
                    | ","
                    | "."
                    | "``"
                    | "\""
            )
        {
            return None;
        }
        let at = unit_at;
        let reference = self
            .reference
            .get()
            .or(self.anchor.map(Reference::from_date));
        if let Some(part) = self.part_of_day(at) {
            let day = reference.map_or_else(|| "XXXX-XX-XX".into(), |r| r.value(Unit::Day));
            return Some(Match {
                end: at + 1,
                kind: TimexType::Time,
                value: format!("{day}T{part}"),
                anchored: true,
            });
        }
        let (unit, false) = Unit::parse(self.lower(at))? else {
            return None;
        };
        if matches!(unit, Unit::Minute | Unit::Hour) {
            return None;
        }
        Some(Match {
            end: at + 1,
            kind: TimexType::Date,
            value: reference.map_or_else(|| unresolved(unit), |r| r.value(unit)),
            anchored: true,
        })
    }

    /// The year of a month named at tokens `[start, end)` without one: the year a following
    /// "this year" / "next year" / "last year" names ("in April next year"), or a "last", "next",
    /// "since" or "ended" before it ("last Oct. 23", "the quarter ended Jan. 31"), or a deadline's
    /// "by" or "until" ("repay the loan by February": the coming one, however far), else the one
    /// the clause's tense points to; in a clause without tense, the same month the text named
    /// before ("will join in April ... planning for the summit in April").
    fn year_for(&self, month: u8, start: usize, end: usize) -> Option<i32> {
        if self.lower(end + 1) == "year" {
            let delta = match self.lower(end) {
                "this" => Some(0),
                "next" => Some(1),
                "last" => Some(-1),
                _ => None,
            };
            if let Some(delta) = delta {
                return self.anchor.map(|a| a.year() + delta);
            }
        }
        let before = if start > 0 { self.lower(start - 1) } else { "" };
        // In a narrative, the narrative's year; but a month placed from the present stays the
        // anchor's: "last May", "next May", a report's "six months ended Aug. 12", and a clause
        // that looks forward ("a summit expected in April": a narrative is told in the past).
        let from_present = matches!(before, "last" | "next" | "ended")
            || looks_forward(self.toks, start)
            || clause_looks_forward(self.toks, start, end) == Some(true);
        if !from_present && let Some(year) = self.narrative_year(month) {
            return Some(year);
        }
        // "since March", "the fiscal year ended Jan. 31": a time already past.
        let lean = if matches!(before, "since" | "ended") {
            Lean::Past
        } else if matches!(before, "by" | "until" | "till") {
            Lean::Future
        } else if before == "last" {
            Lean::Last
        } else if before == "next" {
            Lean::Next
        } else if looks_forward(self.toks, start) {
            Lean::Future
        } else {
            match clause_looks_forward(self.toks, start, end) {
                Some(true) => Lean::Future,
                Some(false) => Lean::Nearest,
                // No tense to go by: the month the text already named, if it did.
                None => match self.months_named.get()[usize::from(month - 1)] {
                    Some(year) => return Some(year),
                    None => Lean::Nearest,
                },
            }
        };
        year_for_month(self.anchor, month, lean)
    }

    /// Skips a period right after an abbreviation ("Aug." is "Aug" + "."), not the one ending a
    /// sentence after a short month's full name ("on 7 May.").
    fn after_abbreviation(&self, i: usize) -> usize {
        if self.lower(i + 1) == "."
            && self.toks[i].text.len() <= 4
            && !matches!(self.lower(i), "may" | "june" | "july")
        {
            i + 2
        } else {
            i + 1
        }
    }

    /// A year at `i`, in digits ("1996") or spoken ("nineteen ninety-six", "two thousand and
    /// one"), with the index after it.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        // "480 BC", "146 B.C.", "AD 79", "79 CE": a year of any size with its era. "The 2017
        // B.C. election" names British Columbia: "B.C." after a year near the document date
        // (from 1900 on, without one) is the province, not an era.
        let province = |n: i32| match self.anchor {
            Some(a) => (a.year() - n).abs() <= 100,
            None => n >= 1900,
        };
        if let Some(n) = self.toks.get(i).and_then(era_year)
            && let Some(bc) = self.toks.get(i + 1).and_then(era_of)
            && !(bc && province(n))
        {
            return Some((if bc { 1 - n } else { n }, i + 2));
        }
        if self.toks.get(i).and_then(era_of) == Some(false)
            && self.toks[i].text.starts_with('A')
            && let Some(n) = self.toks.get(i + 1).and_then(era_year)
        {
            return Some((n, i + 2));
        }
        if let Some(year) = self.toks.get(i).and_then(year_of) {
            return Some((year, i + 1));
        }
        let century = match self.lower(i) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            "two" if self.lower(i + 1) == "thousand" => {
                let at = i + 2 + usize::from(self.lower(i + 2) == "and");
                return Some(match self.amount(at).filter(|&(n, _)| n < 100) {
                    Some((n, after)) => (2000 + n as i32, after),
                    None => (2000, i + 2),
                });
            }
            _ => return None,
        };
        let (n, after) = self
            .amount(i + 1)
            .filter(|&(n, _)| (10..100).contains(&n))?;
        // `n` is below 100, so the cast is lossless.
        Some((century + n as i32, after))
    }

    /// "this day" at `at` in the idiom for the present: "remains to this day", "has to this day
    /// refused", "until this day" ("referred to this day as ..." is not the idiom).
    fn to_this_day(&self, at: usize) -> bool {
        let before = |k: usize| at.checked_sub(k).map_or("", |j| self.lower(j));
        before(1) == "until"
            || (before(1) == "to"
                && (matches!(self.lower(at + 2), "" | "." | "," | ";")
                    || matches!(
                        before(2),
                        "up" | "has"
                            | "have"
                            | "had"
                            | "remain"
                            | "remains"
                            | "remained"
                            | "still"
                            | "even"
                            | ","
                    )))
    }

    /// The year written after a month or a day at `at` ("1999", ", 1999", "of 1789", "of that
    /// year", "of the same year"; the last two are the year the text is at), with the index after
    /// it.
    fn written_year(&self, at: usize) -> Option<(i32, usize)> {
        match self.lower(at) {
            "," => self.year_at(at + 1),
            "of" => self.year_at(at + 1).or_else(|| {
                let same = usize::from(self.lower(at + 1) == "the" && self.lower(at + 2) == "same");
                let that = same == 1 || self.lower(at + 1) == "that";
                (that && self.lower(at + 2 + same) == "year")
                    .then(|| self.reference.get().map(|r| (r.year, at + 3 + same)))
                    .flatten()
            }),
            _ => self.year_at(at),
        }
    }

    /// Month [day] [, year] | Month year | day Month [year], starting at `i` (on the month or day).
    fn calendar(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i)?;
        if let Some(month) = ["mid-", "early-", "late-"]
            .iter()
            .find_map(|p| tok.lower.strip_prefix(p))
            .and_then(month_of)
        {
            let end = i + 1;
            if let Some((year, after)) = self.year_at(end) {
                return Some(Match {
                    end: after,
                    kind: TimexType::Date,
                    value: month_value(Some(year), month),
                    anchored: false,
                });
            }
            let year = self.year_for(month, i, end);
            return Some(Match {
                end,
                kind: TimexType::Date,
                value: month_value(year, month),
                anchored: true,
            });
        }
        if let Some(day) = day_of(tok)
            && let Some(m) = self
                .toks
                .get(i + 1)
                .filter(|t| capitalized(t))
                .and_then(|t| month_of(&t.lower))
        {
            // "15 August 1945", "7 December, 1941", "15 August of 1945".
            let mut end = self.after_abbreviation(i + 1);
            let year = self.written_year(end).map(|(year, after)| {
                end = after;
                year
            });
            let year_given = year;
            let year = year.or_else(|| self.year_for(m, i, end));
            return Some(Match {
                end,
                kind: TimexType::Date,
                value: day_value(year, m, day),
                anchored: year_given.is_none(),
            });
        }
        let month = month_of(&tok.lower).filter(|_| capitalized(tok))?;
        let mut end = self.after_abbreviation(i);
        if let Some(day) = self.toks.get(end).and_then(day_of) {
            end += 1;
            let mut year = None;
            if let Some((y, after)) = self.written_year(end) {
                year = Some(y);
                end = after;
            } else if (joins_a_range(self.lower(end)) || matches!(self.lower(end), "and" | "or"))
                && self.toks.get(end + 1).and_then(day_of).is_some()
            {
                // "April 24 and 25, 1999", "Aug. 15-17, 1999": the pair's year is the first
                // day's too.
                let comma = usize::from(self.lower(end + 2) == ",");
                year = self.year_at(end + 2 + comma).map(|(y, _)| y);
            }
            let anchored = year.is_none();
            let year = year.or_else(|| self.year_for(month, i, end));
            return Some(Match {
                end,
                kind: TimexType::Date,
                value: day_value(year, month, day),
                anchored,
            });
        }
        if let Some((year, after)) = self.written_year(end) {
            return Some(Match {
                end: after,
                kind: TimexType::Date,
                value: month_value(Some(year), month),
                anchored: false,
            });
        }
        // A bare month name: "May" and "March" are words too, so they need a temporal cue.
        let cue = i > 0
            && matches!(
                self.lower(i - 1),
                "in" | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "from"
                    | "through"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "during"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "to"
            );
        // "the March accession": "March" between "the" and the noun it dates ("the March on
        // Washington" is a name; "the May government" is a person's, so May stays out).
        let modifier = month == 3
            && i > 0
            && self.lower(i - 1) == "the"
            && self.toks.get(end).is_some_and(|t| {
                t.text.chars().all(|c| c.is_ascii_lowercase())
                    && !WORDS_AFTER_A_TIME.contains(&t.text)
            });
        if (matches!(month, 3 | 5) || tok.text.len() <= 4) && !cue && !modifier {
            return None;
        }
        // "Foreign Minister Jan Kavan", "and Jan Kavan": an abbreviated month name right before
        // a capitalized word is a given name ("In July Danish ..." is a month).
        if tok.text.len() <= 4
            && !matches!(tok.lower.as_ref(), "may" | "june" | "july")
            && end == i + 1
            && self.toks.get(end).is_some_and(|t| capitalized(t))
        {
            return None;
        }
        let year = self.year_for(month, i, end);
        Some(Match {
            end,
            kind: TimexType::Date,
            value: month_value(year, month),
            anchored: true,
        })
    }

    /// "April 24 and 25", "April 13-15", "Aug. 15 to 17": a later day of the same month right
    /// after a date that ends on its day (`value`, ending at token `end`), with the index after
    /// it; TimeML gives each end of a range its own expression. Not when a noun follows ("April
    /// 24 and 25 people").
    fn and_day(&self, end: usize, value: &str) -> Option<(usize, String)> {
        let first = self.toks.get(end.checked_sub(1)?).and_then(day_of)?;
        if !value.ends_with(&format!("-{}", pad2(first)))
            || !(joins_a_range(self.lower(end)) || matches!(self.lower(end), "and" | "or"))
        {
            return None;
        }
        let tok = self
            .toks
            .get(end + 1)
            .filter(|t| t.kind == TokenKind::Number)?;
        let day = day_of(tok).filter(|&d| d > first)?;
        let noun = self.toks.get(end + 2).is_some_and(|t| {
            t.text.chars().all(|c| c.is_alphabetic()) && !WORDS_AFTER_A_TIME.contains(&t.text)
        }) || matches!(self.lower(end + 2), "%" | "-");
        if noun {
            return None;
        }
        // "April 24 and 25, 1999": the year is in the second span ([`Self::calendar`] gave it
        // to the first day too).
        let comma = usize::from(self.lower(end + 2) == ",");
        let after = self
            .year_at(end + 2 + comma)
            .map_or(end + 2, |(_, after)| after);
        Some((after, format!("{}{}", &value[..value.len() - 2], pad2(day))))
    }

    /// "the 25th of August", "the 19th of October 1950", "the 28th of that month": a day named
    /// by its ordinal inside a month.
    fn ordinal_of_month(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i + 1)?;
        if self.lower(i) != "the"
            || tok.kind != TokenKind::Number
            || tok.lower.ends_with(|c: char| c.is_ascii_digit())
            || self.lower(i + 2) != "of"
        {
            return None;
        }
        let day = day_of(tok)?;
        let month = self
            .calendar(i + 3)
            .or_else(|| self.that(i + 3))
            .filter(|m| m.kind == TimexType::Date)?;
        // A month's value: "1950-10", "XXXX-08", "BC0480-08".
        let bytes = month.value.trim_start_matches("BC").as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' || !bytes[5..].iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(Match {
            end: month.end,
            kind: TimexType::Date,
            value: format!("{}-{}", month.value, pad2(day)),
            anchored: month.anchored,
        })
    }

    /// "6-7 January 1916", "from 15 to 22 February", "between 14 and 16 July": a range's first
    /// day, written without the month (and year) the date at its end gives it.
    fn range_start(&self, i: usize) -> Option<Match> {
        // "from the 13th to the 19th of October 1950".
        let at = i + usize::from(self.lower(i) == "the");
        let first = self
            .toks
            .get(at)
            .filter(|t| t.kind == TokenKind::Number)
            .and_then(day_of)?;
        let and = self.lower(at + 1) == "and" && i > 0 && self.lower(i - 1) == "between";
        if !(joins_a_range(self.lower(at + 1)) || and) {
            return None;
        }
        let second = self.toks.get(at + 2).and_then(day_of);
        let end = match second {
            Some(_) => self.calendar(at + 2),
            None => self.ordinal_of_month(at + 2),
        }?;
        let second = match second {
            Some(day) => day,
            None => end
                .value
                .get(end.value.len().checked_sub(2)?..)?
                .parse()
                .ok()?,
        };
        let day = format!("-{}", pad2(second));
        if second <= first || end.kind != TimexType::Date || !end.value.ends_with(&day) {
            return None;
        }
        Some(Match {
            end: at + 1,
            kind: TimexType::Date,
            value: format!("{}{}", &end.value[..end.value.len() - 2], pad2(first)),
            anchored: end.anchored,
        })
    }

    /// Numeric dates: "2022-08-15", "15.08.22", "08/15/2022" (times are [`Self::clock`]'s).
    fn numeric(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i)?;
        if tok.kind != TokenKind::Number {
            return None;
        }
        // ISO: 2022 - 08 - 15.
        if let Some(year) = year_of(tok)
            && self.lower(i + 1) == "-"
            && let (Some(m), Some(d)) = (self.toks.get(i + 2), self.toks.get(i + 4))
            && self.lower(i + 3) == "-"
            && m.text.len() == 2
            && d.text.len() == 2
            && let (Ok(month), Ok(day)) = (m.text.parse::<u8>(), d.text.parse::<u8>())
            && (1..=12).contains(&month)
            && (1..=31).contains(&day)
        {
            return Some(Match {
                end: i + 5,
                kind: TimexType::Date,
                value: day_value(Some(year), month, day),
                anchored: false,
            });
        }
        let parts: Vec<&str> = tok.text.split(['.', '/']).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            let (day, month, year) = if tok.text.contains('/') {
                (nums[1], nums[0], nums[2])
            } else {
                (nums[0], nums[1], nums[2])
            };
            let year = match (parts[2].len(), year) {
                (2, y) if y < 50 => 2000 + y,
                (2, y) => 1900 + y,
                (4, y) => y,
                _ => return None,
            };
            if (1..=12).contains(&month) && (1..=31).contains(&day) {
                // Validated ranges above keep these casts lossless.
                let value = day_value(Some(year as i32), month as u8, day as u8);
                return Some(Match {
                    end: i + 1,
                    kind: TimexType::Date,
                    value,
                    anchored: false,
                });
            }
        }
        None
    }

    /// "15:00", "3 p.m.", "3:30 a.m. KST".
    fn clock(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i)?;
        // "high noon" is a showdown, not a time.
        if self.lower(i) == "noon" && i > 0 && self.lower(i - 1) == "high" {
            return None;
        }
        let named = match self.lower(i) {
            "noon" | "midday" => Some(12),
            "midnight" => Some(24),
            _ => None,
        };
        let (hour, minute) = match (named, tok.text.split_once(':')) {
            (Some(hour), _) => (hour, 0),
            (None, Some((h, m))) if m.len() == 2 => (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?),
            (None, Some(_)) => return None,
            (None, None) => (tok.text.parse::<u8>().ok()?, 0),
        };
        let mut end = i + 1;
        let mut hour = hour;
        match self.lower(end) {
            // "noon", "midnight" alone are times of the anchor's day.
            _ if named.is_some() => {}
            "a.m." | "am" => {
                end += 1;
                if hour == 12 {
                    hour = 0;
                }
            }
            "p.m." | "pm" => {
                end += 1;
                if hour < 12 {
                    hour += 12;
                }
            }
            _ if tok.text.contains(':') => {}
            // "4 in the morning", "8 in the evening".
            "in" if self.lower(end + 1) == "the"
                && matches!(self.lower(end + 2), "morning" | "afternoon" | "evening")
                && (1..=12).contains(&hour) =>
            {
                if self.lower(end + 2) == "morning" {
                    hour %= 12;
                } else if hour < 12 {
                    hour += 12;
                }
                end += 3;
            }
            _ => return None,
        }
        // 24:00 is midnight at the end of the day, as TIMEX3 writes it.
        if (hour > 23 && (named.is_none() || minute > 0)) || minute > 59 {
            return None;
        }
        if matches!(
            self.lower(end),
            "gmt"
                | "utc"
                | "est"
                | "edt"
                | "cst"
                | "cdt"
                | "pst"
                | "pdt"
                | "kst"
                | "jst"
                | "bst"
                | "cet"
                | "msk"
        ) {
            end += 1;
        }
        // A clock time alone is on the day the narrative is at ("was shot at 10 p.m." after
        // "On Oct. 23, ..."), the document's own day until the text names another.
        let mut date = self
            .reference_day()
            .map_or_else(|| "XXXX-XX-XX".to_owned(), date_value);
        // "9 a.m. Tuesday": the weekday gives the date.
        if let Some(day) = self
            .toks
            .get(end)
            .filter(|t| capitalized(t))
            .and_then(|t| weekday_of(&t.lower))
        {
            if let Some(anchor) = self.anchor {
                if let Some(day) =
                    resolve_weekday(anchor, day, i8::from(looks_forward(self.toks, i)))
                {
                    date = date_value(day);
                }
            }
            end += 1;
        } else if let Some(day) = self.weekday_after_parenthesis(end) {
            // "10:35 a.m. (0735 GMT) Friday": the weekday after the other zone's time gives the
            // date, and is an expression of its own.
            if let Some(day) = self
                .anchor
                .and_then(|a| resolve_weekday(a, day, i8::from(looks_forward(self.toks, i))))
            {
                date = date_value(day);
            }
        } else {
            // "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6": the calendar date gives the date.
            let at = end + usize::from(self.lower(end) == ",");
            if let Some(m) = self
                .calendar(at)
                .filter(|m| m.kind == TimexType::Date && m.value.len() == 10)
            {
                date = m.value;
                end = m.end;
            }
        }
        Some(Match {
            end,
            kind: TimexType::Time,
            value: format!("{date}T{hour:02}:{minute:02}"),
            anchored: true,
        })
    }

    /// The weekday right after a short parenthesis opening at `i` ("(0735 GMT) Friday").
    fn weekday_after_parenthesis(&self, i: usize) -> Option<Weekday> {
        if self.lower(i) != "(" {
            return None;
        }
        let close = (i + 1..self.toks.len().min(i + 6)).find(|&k| self.lower(k) == ")")?;
        self.toks
            .get(close + 1)
            .filter(|t| capitalized(t) && !t.lower.ends_with("days"))
            .and_then(|t| weekday_of(&t.lower))
    }

    /// "the week of March 6": the ISO week holding the date.
    fn week_of(&self, i: usize) -> Option<Match> {
        if (self.lower(i), self.lower(i + 1), self.lower(i + 2)) != ("the", "week", "of") {
            return None;
        }
        let m = self.calendar(i + 3)?;
        let date = timeml::parse_date(&m.value).filter(|_| m.value.len() == 10)?;
        Some(Match {
            end: m.end,
            kind: TimexType::Date,
            value: week_value(date),
            anchored: m.anchored,
        })
    }

    /// "the day before last Tuesday", "the day after Christmas": the day next to a dated day,
    /// annotated from "day" on, as TimeBank does.
    fn day_next_to(&self, i: usize) -> Option<Match> {
        if i == 0 || self.lower(i - 1) != "the" || self.lower(i) != "day" {
            return None;
        }
        let delta = match self.lower(i + 1) {
            "before" => -1,
            "after" => 1,
            _ => return None,
        };
        let m = self
            .weekday(i + 2)
            .or_else(|| self.calendar(i + 2))
            .or_else(|| self.holiday(i + 2))
            .or_else(|| self.word(i + 2))
            .filter(|m| m.kind == TimexType::Date && m.value.len() == 10)?;
        let date = timeml::parse_date(&m.value)?.checked_add(Duration::days(delta))?;
        Some(Match {
            end: m.end,
            kind: TimexType::Date,
            value: date_value(date),
            anchored: true,
        })
    }

    /// A decade at `i`: "1980s", "'80s" (of the 1900s), "the 1980s"; its first three digits
    /// and the index after it.
    fn decade_at(&self, i: usize) -> Option<(i32, usize)> {
        let i = i + usize::from(self.lower(i) == "the");
        let apostrophe = matches!(self.lower(i), "'" | "’");
        let tok = self.toks.get(i + usize::from(apostrophe))?;
        let digits = tok.lower.strip_suffix('s')?;
        if tok.kind != TokenKind::Number || !digits.ends_with('0') {
            return None;
        }
        let year = match (apostrophe, digits.len()) {
            (false, 4) => digits.parse::<i32>().ok()?,
            (true, 2) => 1900 + digits.parse::<i32>().ok()?,
            _ => return None,
        };
        Some((year / 10, i + 1 + usize::from(apostrophe)))
    }

    /// Halves of a year or a decade: "the last half of 1989" (1989-H2), "the first two quarters
    /// of 1990" (1990-H1), "the last half of the '80s" (the decade, 198). A half without its year
    /// is left alone: "for the first half" in an earnings report is no date to TimeBank's
    /// annotators.
    fn half(&self, i: usize) -> Option<Match> {
        if self.lower(i) != "the" {
            return None;
        }
        let half = match self.lower(i + 1) {
            "first" => 1,
            "second" | "last" | "latter" => 2,
            _ => return None,
        };
        let of = match (self.lower(i + 2), self.lower(i + 3)) {
            ("half", _) => i + 3,
            ("two", "quarters") => i + 4,
            _ => return None,
        };
        if self.lower(of) != "of" {
            return None;
        }
        if let Some((year, end)) = self.year_at(of + 1) {
            return Some(Match {
                end,
                kind: TimexType::Date,
                value: format!("{}-H{half}", year_text(year)),
                anchored: false,
            });
        }
        let (decade, end) = self.decade_at(of + 1)?;
        Some(Match {
            end,
            kind: TimexType::Date,
            value: format!("{decade:03}"),
            anchored: false,
        })
    }

    /// A year, a decade, a fiscal year: "1945", "the 1990s", "fiscal 1998", "mid-2019", "the
    /// mid-1990s".
    fn year(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i)?;
        // "1915-17", "(1915-16)": the range's second year, written with its last two digits.
        if tok.kind == TokenKind::Number
            && tok.lower.len() == 2
            && i >= 2
            && self.lower(i - 1) == "-"
            && self.toks[i - 2].lower.len() == 4
            && self.toks[i - 1].span.start == self.toks[i - 2].span.end
            && tok.span.start == self.toks[i - 1].span.end
            && let (Ok(first), Ok(last)) = (
                self.toks[i - 2].lower.parse::<i32>(),
                tok.lower.parse::<i32>(),
            )
            && (1000..=2999).contains(&first)
            && last > first % 100
        {
            return Some(Match {
                end: i + 1,
                kind: TimexType::Date,
                value: year_text(first / 100 * 100 + last),
                anchored: false,
            });
        }
        // "the nineties", "the eighties": a decade of the 1900s, valued like "the 1990s".
        if tok.lower == "the"
            && let Some(k) = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ]
            .iter()
            .position(|d| *d == self.lower(i + 1))
        {
            return Some(Match {
                end: i + 2,
                kind: TimexType::Date,
                value: format!("19{}", k + 2),
                anchored: false,
            });
        }
        // "the mid-1990s", "the early 1980s": annotated with the article, and valued by the decade
        // alone (2 to 0 on the training files).
        if tok.lower == "the" {
            let next = self.lower(i + 1);
            let (rest, at) = match ["mid-", "early-", "late-"]
                .iter()
                .find_map(|p| next.strip_prefix(p))
            {
                Some(rest) => (rest, i + 1),
                None if matches!(next, "early" | "mid" | "late") => (self.lower(i + 2), i + 2),
                None => ("", i),
            };
            if at > i
                && let Some(decade) = decade_of(rest, 4)
            {
                return Some(Match {
                    end: at + 1,
                    kind: TimexType::Date,
                    value: format!("{decade:03}"),
                    anchored: false,
                });
            }
        }
        if let Some(rest) = tok
            .lower
            .strip_prefix("mid-")
            .or_else(|| tok.lower.strip_prefix("early-"))
            .or_else(|| tok.lower.strip_prefix("late-"))
            // "post-1959 politics", "pre-1914 borders": the year the period starts or ends at.
            .or_else(|| tok.lower.strip_prefix("post-"))
            .or_else(|| tok.lower.strip_prefix("pre-"))
        {
            // "mid-2019"; "mid-1990s" is a decade, valued like "1990s".
            let value = match (decade_of(rest, 4), rest.parse::<i32>()) {
                (Some(decade), _) => format!("{decade:03}"),
                (None, Ok(year)) if rest.len() == 4 => year_text(year),
                _ => return None,
            };
            return Some(Match {
                end: i + 1,
                kind: TimexType::Date,
                value,
                anchored: false,
            });
        }
        let decade_tok = if tok.lower == "the" {
            self.toks.get(i + 1)?
        } else {
            tok
        };
        // "the 470s BC": a decade before the common era, annotated with its article.
        let at = i + usize::from(tok.lower == "the");
        let decade = (decade_tok.kind == TokenKind::Number
            && (3..=5).contains(&decade_tok.lower.len()))
        .then(|| decade_of(&decade_tok.lower, decade_tok.lower.len() - 1))
        .flatten();
        if let Some(decade) = decade
            && self.toks.get(at + 1).and_then(era_of) == Some(true)
        {
            return Some(Match {
                end: at + 2,
                kind: TimexType::Date,
                value: format!("BC{decade:03}"),
                anchored: false,
            });
        }
        if let Some(decade) = decade
            && decade_tok.lower.len() == 5
        {
            // Annotated without the article (TBAQ); valued by its first three digits, as TIMEX3
            // writes a decade ("199"; TBAQ also has "199X", as often).
            if tok.lower == "the" {
                return None;
            }
            return Some(Match {
                end: i + 1,
                kind: TimexType::Date,
                value: format!("{decade:03}"),
                anchored: false,
            });
        }
        // "(499-493 BC)", "from 264 to 241 BC": a range's first year takes the era its end is
        // written with.
        if let Some(n) = era_year(tok)
            && joins_a_range(self.lower(i + 1))
            && let Some((end_year, _)) = self.year_at(i + 2)
            && end_year <= 0
            && self.toks.get(i + 3).and_then(era_of) == Some(true)
            && n > 1 - end_year
        {
            return Some(Match {
                end: i + 1,
                kind: TimexType::Date,
                value: year_text(1 - n),
                anchored: false,
            });
        }
        // Spoken years: "nineteen ninety-six"; "two thousand" only where a year is expected.
        let spoken_ok = tok.lower != "two"
            || (i > 0 && matches!(self.lower(i - 1), "year" | "in" | "since" | "until" | "by"));
        let (year, end) = self.year_at(i).filter(|_| spoken_ok)?;
        // "2000 troops" is a count: a year is not followed by a plural noun, unless a determiner
        // or "in" says it is one ("the 1777 campaigns", "its 2006 highs", "In 1956 protests").
        let determined = i > 0
            && matches!(
                self.lower(i - 1),
                "the"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "this"
                    | "that"
                    | "in"
                    | "since"
                    | "until"
            );
        if !determined
            && let Some(next) = self.toks.get(end)
            && next.kind == TokenKind::Word
            && next.text.starts_with(|c: char| c.is_lowercase())
            && (next.lower.ends_with('s') || matches!(next.lower.as_ref(), "people" | "men"))
            && !matches!(next.lower.as_ref(), "was" | "has" | "is" | "as")
        {
            return None;
        }
        // "more than 1000", "Resolution 1483", "Flight 1549": a count or a number's name.
        let before = |k: usize| i.checked_sub(k).map_or("", |j| self.lower(j));
        if (before(1) == "than" && matches!(before(2), "more" | "fewer" | "less"))
            || (before(1) == "." && before(2) == "no")
            || matches!(
                before(1),
                "resolution" | "no" | "number" | "flight" | "route" | "article" | "section"
            )
        {
            return None;
        }
        Some(Match {
            end,
            kind: TimexType::Date,
            value: year_text(year),
            anchored: false,
        })
    }

    /// Words that are expressions by themselves.
    fn word(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i)?;
        // "for a while": a length left open.
        if tok.lower == "a" && self.lower(i + 1) == "while" && i > 0 && self.lower(i - 1) == "for" {
            return Some(Match {
                end: i + 2,
                kind: TimexType::Duration,
                value: "PXX".into(),
                anchored: false,
            });
        }
        // "over the years": a stretch of them, of unknown length.
        if tok.lower == "the"
            && i > 0
            && self.lower(i - 1) == "over"
            && let Some((unit, true)) = Unit::parse(self.lower(i + 1))
            && matches!(unit, Unit::Month | Unit::Year | Unit::Decade)
        {
            return Some(Match {
                end: i + 2,
                kind: TimexType::Duration,
                value: unit.period("X"),
                anchored: false,
            });
        }
        // "at a later date", "in the short term", "in the near term": a future left open.
        if matches!(
            (tok.lower.as_ref(), self.lower(i + 1), self.lower(i + 2)),
            ("a", "later", "date") | ("the", "short" | "near", "term")
        ) {
            return Some(Match {
                end: i + 3,
                kind: TimexType::Date,
                value: "FUTURE_REF".into(),
                anchored: false,
            });
        }
        let anchor = self.anchor;
        let day = |delta: i64| {
            anchor
                .and_then(|a| a.checked_add(Duration::days(delta)))
                .map_or_else(|| "XXXX-XX-XX".to_owned(), date_value)
        };
        let (kind, value) = match tok.lower.as_ref() {
            "today" => (TimexType::Date, day(0)),
            "yesterday" => (TimexType::Date, day(-1)),
            "tomorrow" => (TimexType::Date, day(1)),
            "tonight" => (TimexType::Date, day(0)),
            "now" | "currently" | "nowadays" | "current" | "presently" => {
                (TimexType::Date, "PRESENT_REF".into())
            }
            "recently" | "recent" | "lately" => (TimexType::Date, "PAST_REF".into()),
            "the" if self.lower(i + 1) == "future" => (TimexType::Date, "FUTURE_REF".into()),
            "the"
                if self.lower(i + 1) == "past"
                    && !self.toks.get(i + 2).is_some_and(|t| {
                        Unit::parse(&t.lower).is_some() || small_number(&t.lower).is_some()
                    }) =>
            {
                (TimexType::Date, "PAST_REF".into())
            }
            "daily" => (TimexType::Set, "P1D".into()),
            "weekly" => (TimexType::Set, "P1W".into()),
            "monthly" => (TimexType::Set, "P1M".into()),
            "yearly" => (TimexType::Set, "P1Y".into()),
            _ => return None,
        };
        // "USA Today", "VOA Today": after an acronym, "Today" is a newspaper's or a program's
        // name.
        if tok.lower == "today"
            && capitalized(tok)
            && i > 0
            && self.toks[i - 1].text.len() >= 2
            && self.toks[i - 1]
                .text
                .chars()
                .all(|c| c.is_ascii_uppercase())
        {
            return None;
        }
        // "Now, ..." is discourse, not time; "now that ..." is the present ("aid can flow now
        // that the border is open"), as TBAQ annotates it.
        if tok.lower == "now" && capitalized(tok) && self.lower(i + 1) == "," {
            return None;
        }
        // "current" is temporal only before a time unit noun or as "currently"; keep it narrow.
        let unit_follows = self
            .toks
            .get(i + 1)
            .is_some_and(|t| Unit::parse(&t.lower).is_some());
        if tok.lower == "current" && !unit_follows {
            return None;
        }
        // "recent years": a past too vague to date (TimeBank also annotates it as a duration of
        // unknown length, as often as not).
        if tok.lower == "recent"
            && !self
                .toks
                .get(i + 1)
                .is_some_and(|t| Unit::parse(&t.lower).is_some_and(|(_, plural)| plural))
        {
            return None;
        }
        let mut end = i + 1;
        if tok.lower == "recent" || tok.lower == "the" {
            end += 1;
        }
        let anchored = !value.ends_with("_REF") && kind != TimexType::Set;
        // "yesterday morning", "tomorrow night": the day with its part of day.
        if matches!(tok.lower.as_ref(), "yesterday" | "today" | "tomorrow")
            && let Some(part) = self.part_of_day(end)
        {
            return Some(Match {
                end: end + 1,
                kind: TimexType::Time,
                value: format!("{value}T{part}"),
                anchored,
            });
        }
        Some(Match {
            end,
            kind,
            value,
            anchored,
        })
    }

    /// Weekdays with an optional part of day: "Monday", "last Friday", "Sunday night"; repeated,
    /// they are sets: "each Thursday", "Mondays", "Tuesday nights".
    fn weekday(&self, i: usize) -> Option<Match> {
        // "the previous Friday", "the following Monday": the one before or after the time the
        // text last named.
        if self.lower(i) == "the" {
            let direction = match self.lower(i + 1) {
                "previous" | "prior" | "preceding" => -1,
                "following" | "next" => 1,
                _ => return None,
            };
            let tok = self.toks.get(i + 2).filter(|t| capitalized(t))?;
            let day = weekday_of(&tok.lower).filter(|_| !tok.lower.ends_with("days"))?;
            let date = self
                .reference_day()
                .and_then(|base| resolve_weekday(base, day, direction));
            return Some(Match {
                end: i + 3,
                kind: TimexType::Date,
                value: date.map_or_else(|| unknown_week(day), date_value),
                anchored: true,
            });
        }
        let (direction, at) = match self.lower(i) {
            "last" | "past" => (-1i8, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" | "each" | "every" => (0, i + 1),
            _ => (0, i),
        };
        let tok = self.toks.get(at).filter(|t| capitalized(t))?;
        let day = weekday_of(&tok.lower)?;
        if let Some(set) = self.weekday_set(i, at, day) {
            return Some(set);
        }
        if matches!(self.lower(i), "each" | "every") {
            return None;
        }
        // "Friday, Oct. 23": the calendar date decides.
        if at == i
            && self.lower(at + 1) == ","
            && let Some(m) = self.calendar(at + 2)
        {
            return Some(Match { end: m.end, ..m });
        }
        // On TBAQ's training files the nearest day beats reading the verb's tense (value accuracy
        // 0.83 against 0.79), so only explicit future cues override it.
        // "is to resume trading Tuesday", "are to meet Monday": "be to" is a future.
        let window = &self.toks[i.saturating_sub(6)..i];
        let be_to = window
            .windows(2)
            .any(|w| matches!(w[0].lower.as_ref(), "is" | "are") && w[1].lower == "to");
        let direction = if direction == 0 && at == i && (looks_forward(self.toks, i) || be_to) {
            1
        } else {
            direction
        };
        let date = self.anchor.and_then(|a| resolve_weekday(a, day, direction));
        let mut value = date.map_or_else(|| unknown_week(day), date_value);
        let mut end = at + 1;
        // "Sunday morning": the day with the part of day ("1998-10-25TMO"). "Sunday night" is
        // dated by the day alone: TBAQ's annotators mostly do (the evening and the night before
        // are both called so), where their "TNI" is a minority.
        if let Some(part) = self.part_of_day(end) {
            if part != "NI" {
                value = format!("{value}T{part}");
            }
            end += 1;
        }
        Some(Match {
            end,
            kind: TimexType::Date,
            value,
            anchored: true,
        })
    }

    /// A weekday that repeats, at `at` (`i` on "each" or "every" before it): "each Thursday",
    /// "every Monday night", "Mondays", "Tuesday nights", and the first of "Monday and Tuesday
    /// nights", which shares the second's part of day.
    fn weekday_set(&self, i: usize, at: usize, day: Weekday) -> Option<Match> {
        let each = matches!(self.lower(i), "each" | "every");
        let plural = self.lower(at).ends_with("days");
        let part = self.part_of_day(at + 1);
        let parts = self.parts_of_day(at + 1);
        // "Monday and Tuesday nights", "Mondays and Thursdays".
        let shared = matches!(self.lower(at + 1), "and" | "or")
            && self
                .toks
                .get(at + 2)
                .is_some_and(|t| capitalized(t) && weekday_of(&t.lower).is_some())
            && (self.lower(at + 2).ends_with("days") || self.parts_of_day(at + 3).is_some());
        if !(each || plural || parts.is_some() || shared) {
            return None;
        }
        let (part, end) = match (part.or(parts), shared) {
            (Some(part), _) => (Some(part), at + 2),
            (None, true) => (self.parts_of_day(at + 3), at + 1),
            (None, false) => (None, at + 1),
        };
        let number = day.number_from_monday();
        let value = match part {
            Some(part) => format!("XXXX-WXX-{number}T{part}"),
            None => format!("XXXX-WXX-{number}"),
        };
        Some(Match {
            end,
            kind: TimexType::Set,
            value,
            anchored: false,
        })
    }

    /// "last week", "this year", "the past month", "next summer", "the third quarter",
    /// "earlier this month", "a year ago", "two days earlier".
    fn relative(&self, i: usize) -> Option<Match> {
        let mut at = i;
        let mut start_word = self.lower(at);
        // "earlier this year", "late last month"; before a weekday "earlier" is left out.
        let earlier = matches!(start_word, "early" | "late" | "earlier" | "later");
        if earlier {
            at += 1;
            start_word = self.lower(at);
        }
        let the = start_word == "the";
        if the {
            at += 1;
        }
        // "this past spring", "this coming Monday": the second word decides.
        if start_word == "this" && matches!(self.lower(at + 1), "past" | "coming") {
            at += 1;
        }
        let delta = match self.lower(at) {
            "last" | "past" | "previous" | "prior" | "preceding" | "latest" => Some(-1),
            "this" | "current" | "same" => Some(0),
            "next" | "coming" | "following" => Some(1),
            _ => None,
        };
        if let Some(delta) = delta {
            let word = self.lower(at + 1);
            // "in February this year": the month's year ([`Self::year_for`]), not a date of its
            // own.
            if at == i
                && word == "year"
                && i > 0
                && month_of(&self.toks[i - 1].lower).is_some()
                && capitalized(&self.toks[i - 1])
            {
                return None;
            }
            // "the following year", "the previous month", "the next day": counted from the time
            // the text last named, not from the anchor ("On May 22, 1995, ... the following year"
            // is 1996). "the next year" and "the next week" stay the anchor's: "over the next
            // year" looks ahead from the report. In a narrative "the same day" is the day it is
            // at too.
            let from_reference = the
                && (matches!(
                    self.lower(at),
                    "following" | "previous" | "prior" | "preceding"
                ) || (self.lower(at) == "next"
                    && (word == "day" || self.part_of_day(at + 1).is_some()))
                    || (self.lower(at) == "same" && self.narrative().is_some()))
                // "On 8 August 1918 ... Ludendorff called this day ...": in a narrative, the day
                // it is at.
                || (self.lower(at) == "this"
                    && word == "day"
                    && !self.to_this_day(at)
                    && self.narrative().is_some_and(|r| r.day.is_some()));
            if from_reference && let Some(part) = self.part_of_day(at + 1) {
                return Some(part_of_day(self.reference_day(), delta, part, at + 2));
            }
            if from_reference && let Some((unit, false)) = Unit::parse(word) {
                return Some(Match {
                    end: at + 2,
                    kind: TimexType::Date,
                    value: self.shifted_from_reference(unit, delta),
                    anchored: true,
                });
            }
            let lean = match delta {
                d if d < 0 => Lean::Last,
                0 => Lean::This,
                _ => Lean::Next,
            };
            if let Some(month) = self
                .toks
                .get(at + 1)
                .filter(|t| capitalized(t))
                .and_then(|t| month_of(&t.lower))
            {
                // "last Oct. 23": the calendar date, without the "last" ([`Self::year_for`]).
                if self
                    .toks
                    .get(self.after_abbreviation(at + 1))
                    .is_some_and(|t| day_of(t).is_some())
                {
                    return None;
                }
                let year = year_for_month(self.anchor, month, lean);
                return Some(Match {
                    end: at + 2,
                    kind: TimexType::Date,
                    value: month_value(year, month),
                    anchored: true,
                });
            }
            // "this morning", "later this afternoon", "last night": a part of the anchor's day
            // (of the day before, for "last night").
            if let Some(part) = self.part_of_day(at + 1)
                && matches!(self.lower(at), "this" | "last")
                && (delta == 0 || word == "night")
                // "the last night of the trip" is no date.
                && !the
                && !(i > 0 && self.lower(i - 1) == "the")
            {
                return Some(part_of_day(self.anchor, delta, part, at + 2));
            }
            if let Some((_, season, starts)) = SEASONS.iter().find(|(w, ..)| *w == word) {
                // "this past spring" is the latest one to have ended (in October, this year's);
                // "last spring" is last year's, as TimeML annotators read it; "next summer" the
                // first to begin after the anchor.
                let year = if *season == "WI" {
                    self.anchor
                        .map(|a| winter_year(a, delta, self.lower(at) == "past"))
                } else if self.lower(at) == "past" {
                    year_for_month(self.anchor, (starts + 2).min(12), Lean::Last)
                } else if delta < 0 {
                    self.anchor.map(|a| a.year() - 1)
                } else {
                    year_for_month(self.anchor, *starts, lean)
                };
                let value = year.map_or_else(
                    || format!("XXXX-{season}"),
                    |year| format!("{}-{season}", year_text(year)),
                );
                return Some(Match {
                    end: at + 2,
                    kind: TimexType::Date,
                    value,
                    anchored: true,
                });
            }
            if let Some((unit, false)) = Unit::parse(word) {
                // "this year's third quarter".
                if unit == Unit::Year
                    && self.lower(at + 2) == "'s"
                    && let Some(q) = self.ordinal_quarter(at + 3)
                {
                    return Some(Match {
                        end: at + 5,
                        kind: TimexType::Date,
                        value: quarter_value(self.anchor.map(|a| a.year() + delta), q),
                        anchored: true,
                    });
                }
                // "last year's quarter": the reported quarter, in that year.
                if unit == Unit::Year
                    && matches!(self.lower(at + 2), "'s" | "’s")
                    && matches!(self.lower(at + 3), "quarter" | "period")
                {
                    return Some(Match {
                        end: at + 4,
                        kind: TimexType::Date,
                        value: self.reported_quarter().map_or_else(
                            || "XXXX-QX".into(),
                            |(y, q)| quarter_value(Some(y + delta), q),
                        ),
                        anchored: true,
                    });
                }
                let value = shifted(self.anchor, unit, delta).unwrap_or_else(|| unresolved(unit));
                return Some(Match {
                    end: at + 2,
                    kind: TimexType::Date,
                    value,
                    anchored: true,
                });
            }
            // "the past three years", "the next four years": a duration.
            if let Some((n, after)) = self.amount(at + 1)
                && let Some((unit, _)) = Unit::parse(self.lower(after))
            {
                return Some(Match {
                    end: after + 1,
                    kind: TimexType::Duration,
                    value: unit.period(&n.to_string()),
                    anchored: false,
                });
            }
            if matches!(word, "few" | "several")
                && let Some((unit, true)) = Unit::parse(self.lower(at + 2))
            {
                return Some(Match {
                    end: at + 3,
                    kind: TimexType::Duration,
                    value: unit.period("X"),
                    anchored: false,
                });
            }
            return None;
        }
        // "the third quarter", "the first half".
        if the && let Some(q) = self.ordinal_quarter(at) {
            let year = self.anchor.map(|a| {
                if q > (u8::from(a.month()) - 1) / 3 + 1 {
                    a.year() - 1
                } else {
                    a.year()
                }
            });
            return Some(Match {
                end: at + 2,
                kind: TimexType::Date,
                value: quarter_value(year, q),
                anchored: true,
            });
        }
        if earlier || the {
            return None;
        }
        // "several years ago", "a few days earlier": a past too vague to date; "a few weeks
        // later", a future (from the time the text is at) as vague.
        let vague = match (self.lower(i), self.lower(i + 1)) {
            ("several" | "few" | "many", _) => Some(i + 1),
            ("a", "few") => Some(i + 2),
            _ => None,
        };
        if let Some(at) = vague
            && let Some((unit, true)) = Unit::parse(self.lower(at))
            && let Some(value) = match (self.lower(at + 1), self.narrative()) {
                ("ago", _) => Some("PAST_REF".to_owned()),
                // In a narrative, before or after the time it is at, not the document's: that
                // time with its unknown parts as X ("1944-XX-XX").
                ("earlier" | "later", Some(r)) => Some(r.value(unit)),
                ("earlier", None) => Some("PAST_REF".to_owned()),
                ("later", None) => Some("FUTURE_REF".to_owned()),
                _ => None,
            }
        {
            return Some(Match {
                end: at + 2,
                kind: TimexType::Date,
                anchored: !value.ends_with("_REF"),
                value,
            });
        }
        // "a year ago", "two days earlier", "three years later".
        let (n, at) = self.amount(i)?;
        let (unit, _) = Unit::parse(self.lower(at))?;
        // "a week or so ago".
        let at = at + 1 + 2 * usize::from(self.lower(at + 1) == "or" && self.lower(at + 2) == "so");
        let direction = match self.lower(at) {
            "ago" | "earlier" => -1,
            "later" | "hence" => 1,
            _ => return None,
        };
        let n = i32::try_from(n).ok()?;
        // "twelve days later", "a decade earlier" in a narrative count from the time it is at;
        // "ago" counts from the present.
        let from = self
            .narrative()
            .filter(|_| self.lower(at) != "ago")
            .and_then(|r| {
                r.date_for(if unit == Unit::Decade {
                    Unit::Year
                } else {
                    unit
                })
            });
        if let Some(from) = from {
            let value = if unit == Unit::Decade {
                shifted(Some(from), Unit::Year, direction * n * 10)
            } else {
                shifted(Some(from), unit, direction * n)
            };
            return Some(Match {
                end: at + 1,
                kind: TimexType::Date,
                value: value.unwrap_or_else(|| unresolved(unit)),
                anchored: true,
            });
        }
        let value = match self.anchor {
            // In an earnings report "a year ago" is the reported quarter, a year before.
            Some(_) if self.fiscal && unit == Unit::Year && n == 1 && direction < 0 => self
                .reported_quarter()
                .map_or_else(|| "XXXX-QX".into(), |(y, q)| quarter_value(Some(y - 1), q)),
            // "a decade ago" is a year ten years back, not the previous decade.
            _ if unit == Unit::Decade => shifted(self.anchor, Unit::Year, direction * n * 10)
                .unwrap_or_else(|| unresolved(Unit::Year)),
            _ => shifted(self.anchor, unit, direction * n).unwrap_or_else(|| unresolved(unit)),
        };
        Some(Match {
            end: at + 1,
            kind: TimexType::Date,
            value,
            anchored: true,
        })
    }

    /// "three years", "77 years", "a decade", "24 hours", "five-year", "several months",
    /// "every year", "each week".
    fn duration_or_set(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i)?;
        // "will one day be", "he one day hopes to": some day to come, not a day's length.
        if tok.lower == "one"
            && self.lower(i + 1) == "day"
            && i > 0
            && matches!(
                self.lower(i - 1),
                "will"
                    | "would"
                    | "could"
                    | "might"
                    | "may"
                    | "can"
                    | "should"
                    | "i"
                    | "he"
                    | "she"
                    | "we"
                    | "they"
            )
        {
            return Some(Match {
                end: i + 2,
                kind: TimexType::Date,
                value: "FUTURE_REF".into(),
                anchored: false,
            });
        }
        // "each July".
        if matches!(tok.lower.as_ref(), "every" | "each")
            && let Some(month) = self
                .toks
                .get(i + 1)
                .filter(|t| capitalized(t))
                .and_then(|t| month_of(&t.lower))
            && self.toks.get(i + 2).and_then(day_of).is_none()
        {
            return Some(Match {
                end: i + 2,
                kind: TimexType::Set,
                value: format!("XXXX-{}", pad2(month)),
                anchored: false,
            });
        }
        if matches!(tok.lower.as_ref(), "every" | "each" | "per")
            && let Some((unit, false)) = Unit::parse(self.lower(i + 1))
        {
            return Some(Match {
                end: i + 2,
                kind: TimexType::Set,
                value: unit.period("1"),
                anchored: false,
            });
        }
        // "five-year", "24-hour": a hyphenated amount and unit.
        if let Some((amount, unit)) = tok.lower.rsplit_once('-')
            && let (Some(n), Some((unit, false))) = (small_number(amount), Unit::parse(unit))
        {
            return Some(Match {
                end: i + 1,
                kind: TimexType::Duration,
                value: unit.period(&n.to_string()),
                anchored: false,
            });
        }
        if matches!(tok.lower.as_ref(), "several" | "few" | "many" | "coming")
            && let Some((unit, true)) = Unit::parse(self.lower(i + 1))
        {
            return Some(Match {
                end: i + 2,
                kind: TimexType::Duration,
                value: unit.period("X"),
                anchored: false,
            });
        }
        if tok.lower == "a"
            && self.lower(i + 1) == "few"
            && let Some((unit, true)) = Unit::parse(self.lower(i + 2))
        {
            return Some(Match {
                end: i + 3,
                kind: TimexType::Duration,
                value: unit.period("X"),
                anchored: false,
            });
        }
        // "the nine months", "the first nine months": a stretch of time named with its article.
        if tok.lower == "the" {
            let at = i + 1 + usize::from(self.lower(i + 1) == "first");
            let n = small_number(self.lower(at)).filter(|&n| n > 1)?;
            let (unit, true) = Unit::parse(self.lower(at + 1))? else {
                return None;
            };
            return Some(Match {
                end: at + 2,
                kind: TimexType::Duration,
                value: unit.period(&n.to_string()),
                anchored: false,
            });
        }
        // "for years", "in weeks": a vague amount, annotated on the unit alone.
        if i > 0
            && matches!(self.lower(i - 1), "for" | "in" | "over")
            && let Some((unit, true)) = Unit::parse(&tok.lower)
            && !matches!(unit, Unit::Minute | Unit::Hour | Unit::Quarter)
        {
            return Some(Match {
                end: i + 1,
                kind: TimexType::Duration,
                value: unit.period("X"),
                anchored: false,
            });
        }
        // "10-year": digits, a hyphen and a unit.
        if tok.kind == TokenKind::Number
            && self.lower(i + 1) == "-"
            && let (Ok(n), Some((unit, false))) =
                (tok.text.parse::<u32>(), Unit::parse(self.lower(i + 2)))
        {
            return Some(Match {
                end: i + 3,
                kind: TimexType::Duration,
                value: unit.period(&n.to_string()),
                anchored: false,
            });
        }
        // "2 1/2 years", "5 1/2 hours": the half in the next smaller unit, as TimeBank writes it
        // (P2Y6M, PT5H30M).
        if tok.kind == TokenKind::Number
            && matches!(self.lower(i + 1), "1/2" | "½")
            && let Some(n) = small_number(&tok.lower)
            && let Some((unit, true)) = Unit::parse(self.lower(i + 2))
        {
            return Some(Match {
                end: i + 3,
                kind: TimexType::Duration,
                value: unit.period_and_a_half(n),
                anchored: false,
            });
        }
        let (n, at) = self.amount(i)?;
        // "two more weeks".
        let at = at + usize::from(self.lower(at) == "more");
        let (unit, plural) = Unit::parse(self.lower(at))?;
        // "$2 million a year", "700 seats a week": a rate, which TBAQ leaves unannotated.
        if matches!(tok.lower.as_ref(), "a" | "an") && !plural && self.after_a_quantity(i) {
            return None;
        }
        // "one years" is no duration; "five year" is, as an adjective ("a five year low").
        if plural && n == 1 {
            return None;
        }
        if matches!(tok.lower.as_ref(), "a" | "an") && plural && n == 1 {
            return None;
        }
        Some(Match {
            end: at + 1,
            kind: TimexType::Duration,
            value: unit.period(&n.to_string()),
            anchored: false,
        })
    }

    /// Does a quantity end right before `i`: a number, a scale word ("$2 million"), or a plural
    /// noun counted by one ("700 seats")?
    fn after_a_quantity(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).and_then(|k| self.toks.get(k)) else {
            return false;
        };
        let counted = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Number || small_number(&t.lower).is_some())
        };
        prev.kind == TokenKind::Number
            || matches!(
                prev.lower.as_ref(),
                "million"
                    | "billion"
                    | "thousand"
                    | "hundred"
                    | "cents"
                    | "percent"
                    | "%"
                    | "dollars"
            )
            || (prev.kind == TokenKind::Word
                && prev.text.starts_with(|c: char| c.is_lowercase())
                && prev.lower.ends_with('s')
                && i >= 2
                && counted(i - 2))
    }

    /// The quarter named by "third quarter" at `i`.
    fn ordinal_quarter(&self, i: usize) -> Option<u8> {
        let &(_, q) = ORDINALS.iter().find(|(w, _)| *w == self.lower(i))?;
        (self.lower(i + 1) == "quarter").then_some(q)
    }

    /// Fiscal periods: "third-quarter", "the fourth quarter", "the latest quarter", "the year-ago
    /// quarter", "year-earlier", "the full year".
    fn period(&self, i: usize) -> Option<Match> {
        let the = self.lower(i) == "the";
        // "the fiscal first quarter".
        let at = i + usize::from(the) + usize::from(the && self.lower(i + 1) == "fiscal");
        let word = self.lower(at);
        // "the fiscal-first quarter" is spelled as one word.
        let word = word.strip_prefix("fiscal-").unwrap_or(word);
        let anchor = self.anchor;
        let current_quarter = anchor.map(|a| (u8::from(a.month()) - 1) / 3 + 1);
        let reported = self.reported_quarter();
        // "the 1988 third quarter", "the 1988 period".
        if the && let Some(year) = self.toks.get(at).and_then(year_of) {
            if let Some(q) = self.ordinal_quarter(at + 1) {
                return Some(Match {
                    end: at + 3,
                    kind: TimexType::Date,
                    value: quarter_value(Some(year), q),
                    anchored: false,
                });
            }
            if self.lower(at + 1) == "period" {
                return Some(Match {
                    end: at + 2,
                    kind: TimexType::Date,
                    value: year_text(year),
                    anchored: false,
                });
            }
        }
        // "third-quarter" (one token) or "third quarter".
        let (ordinal, end) = match word.split_once('-') {
            Some((o, "quarter")) => (
                ORDINALS.iter().find(|(w, _)| *w == o).map(|&(_, q)| q),
                at + 1,
            ),
            _ if self.lower(at + 1) == "quarter" => (
                ORDINALS.iter().find(|(w, _)| *w == word).map(|&(_, q)| q),
                at + 2,
            ),
            _ => (None, at),
        };
        if let Some(q) = ordinal {
            // "the third-quarter results": the adjective is annotated without the article.
            if the && word.contains('-') {
                return None;
            }
            // "the third quarter of 1989".
            if self.lower(end) == "of"
                && let Some(year) = self.toks.get(end + 1).and_then(year_of)
            {
                return Some(Match {
                    end: end + 2,
                    kind: TimexType::Date,
                    value: quarter_value(Some(year), q),
                    anchored: false,
                });
            }
            let year = anchor.map(|a| {
                if Some(q) > current_quarter {
                    a.year() - 1
                } else {
                    a.year()
                }
            });
            return Some(Match {
                end,
                kind: TimexType::Date,
                value: quarter_value(year, q),
                anchored: true,
            });
        }
        // "the corresponding period last year", "the quarter a year ago", "the same quarter a
        // year earlier": the reported quarter, a year back, annotated as one expression.
        if the {
            let k = at + usize::from(matches!(word, "corresponding" | "comparable" | "same"));
            let back = match (self.lower(k + 1), self.lower(k + 2), self.lower(k + 3)) {
                ("last", "year", _) => Some(k + 3),
                ("a", "year", "ago" | "earlier") => Some(k + 4),
                _ => None,
            };
            if matches!(self.lower(k), "quarter" | "period")
                && let Some(end) = back
            {
                return Some(Match {
                    end,
                    kind: TimexType::Date,
                    value: reported
                        .map_or_else(|| "XXXX-QX".into(), |(y, q)| quarter_value(Some(y - 1), q)),
                    anchored: true,
                });
            }
        }
        let year_ago = matches!(word, "year-ago" | "year-earlier" | "year-before");
        let noun = if year_ago || matches!(word, "latest" | "current" | "recent") {
            self.lower(at + 1)
        } else {
            word
        };
        let noun_at = if noun == word { at } else { at + 1 };
        let shift = if year_ago { -1 } else { 0 };
        match noun {
            // "the quarter ended July 31": the calendar quarter most of it falls in (May to
            // July is mostly the second), whatever the report's own quarter.
            "quarter"
                if the
                    && !year_ago
                    && matches!(self.lower(noun_at + 1), "ended" | "ending")
                    && let Some(ended) = self.calendar(noun_at + 2) =>
            {
                let year = ended.value.get(0..4).and_then(|y| y.parse::<i32>().ok());
                let month: u8 = ended.value.get(5..7)?.parse().ok()?;
                let (year, month) = match year {
                    Some(y) => {
                        let (y, m) = add_months(y, month, -1);
                        (Some(y), m)
                    }
                    None => (None, if month == 1 { 12 } else { month - 1 }),
                };
                Some(Match {
                    end: noun_at + 1,
                    kind: TimexType::Date,
                    value: quarter_value(year, (month - 1) / 3 + 1),
                    anchored: true,
                })
            }
            "quarter" | "period" if the || year_ago => {
                let value = reported.map_or_else(
                    || "XXXX-QX".into(),
                    |(y, q)| quarter_value(Some(y + shift), q),
                );
                Some(Match {
                    end: noun_at + 1,
                    kind: TimexType::Date,
                    value,
                    anchored: true,
                })
            }
            // "the year-ago results": the adjective is annotated without the article, as
            // "third-quarter" is.
            _ if year_ago && the => None,
            _ if year_ago => {
                let value = match (anchor, reported) {
                    (Some(_), Some((y, q))) if self.fiscal => quarter_value(Some(y - 1), q),
                    (Some(a), _) => year_text(a.year() - 1),
                    (None, _) => "XXXX".into(),
                };
                Some(Match {
                    end: at + 1,
                    kind: TimexType::Date,
                    value,
                    anchored: true,
                })
            }
            "weekend" if the => {
                // Early in the week "the weekend" is the one just past; "ahead of the weekend"
                // is always the coming one.
                let ahead = i >= 2 && self.lower(i - 2) == "ahead" && self.lower(i - 1) == "of";
                let value = anchor
                    .and_then(|a| {
                        let past = !ahead && a.weekday().number_days_from_monday() < 4;
                        a.checked_sub(Duration::weeks(i64::from(past)))
                    })
                    .map_or_else(|| "XXXX-WXX-WE".into(), |a| format!("{}-WE", week_value(a)));
                Some(Match {
                    end: at + 1,
                    kind: TimexType::Date,
                    value,
                    anchored: true,
                })
            }
            // "the year two thousand".
            "year" if the && let Some((year, end)) = self.year_at(noun_at + 1) => Some(Match {
                end,
                kind: TimexType::Date,
                value: year_text(year),
                anchored: false,
            }),
            // "the year ended Sept. 30" is a fiscal year's length; otherwise "the year" ("the
            // current year") is the anchor's.
            "year" if the && small_number(self.lower(noun_at + 1)).is_none() => {
                let (kind, value) = if matches!(self.lower(noun_at + 1), "ended" | "ending") {
                    (TimexType::Duration, "P1Y".to_owned())
                } else {
                    let year = anchor.map_or_else(|| "XXXX".into(), |a| year_text(a.year()));
                    (TimexType::Date, year)
                };
                Some(Match {
                    end: noun_at + 1,
                    kind,
                    anchored: kind == TimexType::Date,
                    value,
                })
            }
            "full" if the && self.lower(at + 1) == "year" => {
                let value = anchor.map_or_else(|| "XXXX".into(), |a| year_text(a.year()));
                Some(Match {
                    end: at + 2,
                    kind: TimexType::Date,
                    value,
                    anchored: true,
                })
            }
            _ => None,
        }
    }

    /// "early", "late", "mid", "fiscal" and "the end of" before a date widen its span, not its
    /// value.
    fn modified(&self, i: usize) -> Option<Match> {
        let skip = match self.lower(i) {
            "early" | "late" | "mid" => 1,
            "the"
                if matches!(self.lower(i + 1), "end" | "beginning" | "start" | "middle")
                    && self.lower(i + 2) == "of" =>
            {
                3
            }
            "end" | "beginning" | "start" | "middle" if self.lower(i + 1) == "of" => 2,
            // "the last week of August", "the first days of 1915": a stretch inside a date, which
            // says the date, not "last week" seen from the document date.
            "the"
                if matches!(
                    self.lower(i + 1),
                    "first" | "last" | "final" | "second" | "third" | "fourth" | "closing"
                ) && matches!(self.lower(i + 2), "week" | "weeks" | "days" | "months")
                    && self.lower(i + 3) == "of" =>
            {
                4
            }
            // "fiscal 1989", "fiscal second-quarter".
            "fiscal" => {
                return self
                    .year(i + 1)
                    .or_else(|| self.period(i + 1))
                    .filter(|m| m.kind == TimexType::Date);
            }
            _ => return None,
        };
        let inner = self
            .calendar(i + skip)
            .or_else(|| self.year(i + skip))
            .or_else(|| self.relative(i + skip))
            .or_else(|| self.season(i + skip))
            .or_else(|| self.century(i + skip))
            .or_else(|| self.weekday(i + skip))
            .or_else(|| self.word(i + skip))
            .or_else(|| self.the_unit(i, skip))?;
        Some(inner)
    }

    /// "the end of the year", "the start of the month": the anchor's own period, the value of
    /// "this year" (TimeML gives the part only as a modifier, END or START). Not "the end of the
    /// day", which is an idiom as often as a time.
    fn the_unit(&self, i: usize, skip: usize) -> Option<Match> {
        if skip != 3 || self.lower(i) != "the" || self.lower(i + skip) != "the" {
            return None;
        }
        let (unit, false) = Unit::parse(self.lower(i + skip + 1))? else {
            return None;
        };
        if matches!(unit, Unit::Minute | Unit::Hour | Unit::Day) {
            return None;
        }
        Some(Match {
            end: i + skip + 2,
            kind: TimexType::Date,
            value: match self.narrative() {
                Some(r) => r.value(unit),
                None => shifted(self.anchor, unit, 0).unwrap_or_else(|| unresolved(unit)),
            },
            anchored: true,
        })
    }

    /// "by year-end", "since year end", "by year's end": the end of the anchor's year (of the
    /// year before, after "since"), valued as the year, as TimeML values "the end of the year".
    /// Only after a preposition: "the year-end rally" is a modifier.
    fn year_end(&self, i: usize) -> Option<Match> {
        let preposition = self.lower(i.checked_sub(1)?);
        if !matches!(
            preposition,
            "by" | "since" | "until" | "till" | "at" | "before" | "after" | "through" | "from"
        ) {
            return None;
        }
        let end = match (self.lower(i), self.lower(i + 1), self.lower(i + 2)) {
            ("year-end", ..) => i + 1,
            ("year", "end", _) => i + 2,
            ("year", "'s" | "’s", "end") => i + 3,
            _ => return None,
        };
        let delta = if preposition == "since" { -1 } else { 0 };
        Some(Match {
            end,
            kind: TimexType::Date,
            value: shifted(self.anchor, Unit::Year, delta)
                .unwrap_or_else(|| unresolved(Unit::Year)),
            anchored: true,
        })
    }

    /// Centuries by their ordinal: "the 20th century" (19), "the nineteenth century" (18),
    /// "eighteenth-century" (17), "the 4th century BC" (BC03); TimeML values a century by its
    /// first two digits.
    fn century(&self, i: usize) -> Option<Match> {
        let at = i + usize::from(self.lower(i) == "the");
        let word = self.lower(at);
        let (n, mut end) = match word.strip_suffix("-century") {
            Some(ordinal) => (ordinal_number(ordinal)?, at + 1),
            None if self.lower(at + 1) == "century" => (ordinal_number(word)?, at + 2),
            None => return None,
        };
        let bc = matches!(self.lower(end), "bc" | "b.c." | "bce" | "b.c.e.");
        end += usize::from(bc);
        Some(Match {
            end,
            kind: TimexType::Date,
            value: format!("{}{:02}", if bc { "BC" } else { "" }, n - 1),
            anchored: false,
        })
    }

    /// A season without "last" or "next" (those are [`Self::relative`]'s): "summer 1998", "the
    /// summer of 1994", "the winter of nineteen ninety-four" with their year; "the summer", "in
    /// spring", "the early summer" in the year the clause's tense points to, like a bare month
    /// ("over the summer" in an October report is that year's). Without a year, a season needs
    /// "the" or a preposition before it, and is no date when it modifies a noun ("summer camp",
    /// "the winter Olympics").
    fn season(&self, i: usize) -> Option<Match> {
        let the = self.lower(i) == "the";
        let mut at = i + usize::from(the);
        if the && matches!(self.lower(at), "early" | "late" | "mid") {
            at += 1;
        }
        let &(_, code, starts) = SEASONS.iter().find(|(w, ..)| *w == self.lower(at))?;
        let end = at + 1;
        let of = usize::from(self.lower(end) == "of");
        if let Some((year, after)) = self.year_at(end + of) {
            return Some(Match {
                end: after,
                kind: TimexType::Date,
                value: format!("{}-{code}", year_text(year)),
                anchored: false,
            });
        }
        // "the fall of Atlanta", "the fall of the regime": a capture, not autumn.
        if self.lower(at) == "fall" && of == 1 {
            return None;
        }
        let cue = the
            || (i > 0
                && matches!(
                    self.lower(i - 1),
                    "in" | "during"
                        | "over"
                        | "since"
                        | "until"
                        | "through"
                        | "by"
                        | "before"
                        | "after"
                        | "early"
                        | "late"
                        | "mid"
                ));
        if !cue || self.modifies_a_noun(end) {
            return None;
        }
        let year = self.year_for(starts, i, end);
        Some(Match {
            end,
            kind: TimexType::Date,
            value: year.map_or_else(
                || format!("XXXX-{code}"),
                |y| format!("{}-{code}", year_text(y)),
            ),
            anchored: true,
        })
    }

    /// "in the morning", "in the afternoon": a part of the day the text is talking about (not "in
    /// the morning of ...", nor "the night", which opens "the night of Oct. 23").
    fn part_alone(&self, i: usize) -> Option<Match> {
        if !(i > 0 && self.lower(i - 1) == "in" && self.lower(i) == "the")
            || self.lower(i + 2) == "of"
        {
            return None;
        }
        let part = self.part_of_day(i + 1).filter(|p| *p != "NI")?;
        let day = self
            .reference_day()
            .map_or_else(|| "XXXX-XX-XX".to_owned(), date_value);
        Some(Match {
            end: i + 2,
            kind: TimexType::Time,
            value: format!("{day}T{part}"),
            anchored: true,
        })
    }

    /// The TIMEX3 code of the part of day named at token `i` ("night" -> "NI").
    fn part_of_day(&self, i: usize) -> Option<&'static str> {
        let word = self.lower(i);
        PARTS_OF_DAY
            .iter()
            .find(|(w, _)| *w == word)
            .map(|&(_, part)| part)
    }

    /// The TIMEX3 code of a plural part of day at token `i` ("nights" -> "NI").
    fn parts_of_day(&self, i: usize) -> Option<&'static str> {
        let word = self.lower(i).strip_suffix('s')?;
        PARTS_OF_DAY
            .iter()
            .find(|(w, _)| *w == word)
            .map(|&(_, part)| part)
    }

    /// True when the word at `end` makes the season before it a modifier.
    fn modifies_a_noun(&self, end: usize) -> bool {
        self.toks.get(end).is_some_and(|t| {
            t.text.starts_with(char::is_alphabetic)
                && !WORDS_AFTER_A_TIME.contains(&t.lower.as_ref())
        })
    }

    /// A holiday with a fixed or computable date: "Christmas", "New Year's Day", "Thanksgiving",
    /// "Easter Sunday", "Election Day", optionally after "last", "next" or "this". Bare, in the
    /// year the clause points to, like a bare month; "last Thanksgiving" is the latest one before
    /// the anchor, "next Christmas" the first after it. Holidays one country's calendar alone
    /// fixes (Independence Day, Liberation Day) are left alone: which country's is unknown.
    fn holiday(&self, i: usize) -> Option<Match> {
        let direction = match self.lower(i) {
            "last" => -1i8,
            "next" => 1,
            _ => 0,
        };
        let start = i + usize::from(matches!(self.lower(i), "last" | "next" | "this"));
        if !self.toks.get(start).is_some_and(capitalized) {
            return None;
        }
        let first = self.lower(start);
        let (holiday, len) = HOLIDAYS.iter().find_map(|(names, holiday)| {
            names.iter().find_map(|name| {
                // (Most capitalized words open no holiday's name: skip the split.)
                if !name
                    .strip_prefix(first)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
                {
                    return None;
                }
                let mut len = 0;
                for (k, part) in name.split(' ').enumerate() {
                    if self.lower(start + k) != part {
                        return None;
                    }
                    len = k + 1;
                }
                Some((*holiday, len))
            })
        })?;
        let end = start + len;
        // "White Christmas" is a title; "Christmas Island", "Easter Rising", "Christmas tree"
        // are no dates; "was found Thanksgiving Day clinging to ..." is one.
        let after_name = start >= 2
            && self.toks.get(start - 1).is_some_and(capitalized)
            && !matches!(self.lower(start - 2), "." | "!" | "?" | ":");
        if after_name
            || self
                .toks
                .get(end)
                .is_some_and(|t| HOLIDAY_COMPOUNDS.contains(&t.lower.as_ref()))
        {
            return None;
        }
        let date = |year: i32| holiday_date(holiday, year);
        // "Christmas 1963": its year.
        if let Some((year, after)) = self.year_at(end) {
            return Some(Match {
                end: after,
                kind: TimexType::Date,
                value: date_value(date(year)?),
                anchored: false,
            });
        }
        if self.toks.get(end).is_some_and(capitalized) {
            return None;
        }
        let value = match (self.anchor, direction) {
            (Some(anchor), d) if d != 0 || start > i => {
                let this = date(anchor.year())?;
                let year = match d {
                    d if d < 0 && this >= anchor => anchor.year() - 1,
                    d if d > 0 && this <= anchor => anchor.year() + 1,
                    _ => anchor.year(),
                };
                date_value(date(year)?)
            }
            (Some(_), _) => {
                let month = u8::from(date(2000)?.month());
                date_value(date(self.year_for(month, start, end)?)?)
            }
            (None, _) => match holiday {
                Holiday::Fixed(month, day) => format!("XXXX-{month:02}-{day:02}"),
                Holiday::Nth(..) | Holiday::Easter(_) | Holiday::Election => "XXXX-XX-XX".into(),
            },
        };
        // "Christmas night": the day with the part of day.
        if let Some(part) = self.part_of_day(end) {
            return Some(Match {
                end: end + 1,
                kind: TimexType::Time,
                value: format!("{value}T{part}"),
                anchored: true,
            });
        }
        Some(Match {
            end,
            kind: TimexType::Date,
            value,
            anchored: true,
        })
    }

    /// Hedges before an amount widen the span: "nearly two years", "less than one hour",
    /// "almost four years ago", "around 9 p.m.". "about", "only" and "just" stay outside it, as
    /// TimeBank and AQUAINT annotate them (7 to 1, 3 to 0 and 5 to 0 on the training files).
    fn hedged(&self, i: usize) -> Option<Match> {
        let skip = match (self.lower(i), self.lower(i + 1), self.lower(i + 2)) {
            ("no", "more", "than") | ("no", "less", "than") => 3,
            ("less" | "more" | "fewer", "than", _)
            | ("up", "to", _)
            | ("at", "least", _)
            | ("at", "most", _) => 2,
            ("nearly" | "almost" | "around" | "approximately" | "roughly" | "some", _, _) => 1,
            // "over an hour" is more than one; "over the past year" is a preposition.
            ("over", next, _) if self.amount(i + 1).is_some() && next != "the" => 1,
            _ => return None,
        };
        // "at least the first two quarters of 1990": the half is annotated alone.
        if self.half(i + skip).is_some() {
            return None;
        }
        self.relative(i + skip)
            .or_else(|| self.duration_or_set(i + skip))
            .or_else(|| self.clock(i + skip))
            // "almost every day" is annotated as "every day".
            .filter(|m| m.kind != TimexType::Set)
    }

    /// An amount: digits, a number word, or tens and ones ("twenty four"); returns it and the
    /// index after it.
    fn amount(&self, i: usize) -> Option<(u32, usize)> {
        // "a couple of years", "the next couple of years".
        let couple = usize::from(self.lower(i) == "a");
        if self.lower(i + couple) == "couple" && self.lower(i + couple + 1) == "of" {
            return Some((2, i + couple + 2));
        }
        let n = small_number(self.lower(i))?;
        // "thirty one", not "30 a day" (a rate, whose "a" is no digit).
        if n >= 20
            && n % 10 == 0
            && self.toks[i].kind == TokenKind::Word
            && !matches!(self.lower(i + 1), "a" | "an")
            && let Some(ones) = small_number(self.lower(i + 1)).filter(|&o| (1..10).contains(&o))
        {
            return Some((n + ones, i + 2));
        }
        Some((n, i + 1))
    }

    /// An expression at `i` with the hedge after it that the annotators keep in its span: "the
    /// next two years or so", "a week or so ago", "1994 or later", "1990 and beyond" (6 to 0
    /// on the training files).
    fn at(&self, i: usize) -> Option<Match> {
        let mut m = self.expression(i)?;
        if self.is_title(i, m.end) {
            return None;
        }
        // "52 years old" is an age, which TBAQ leaves unannotated.
        if m.kind == TimexType::Duration && self.lower(m.end) == "old" {
            return None;
        }
        let extends = match (self.lower(m.end), self.lower(m.end + 1)) {
            ("or", "so") => m.kind != TimexType::Set,
            ("or", "later" | "earlier") | ("and", "beyond") => m.kind == TimexType::Date,
            _ => false,
        };
        if extends {
            m.end += 2;
        }
        Some(m)
    }

    /// Is the expression at tokens `[start, end)` the title of a show or film: capitalized, right
    /// after a quotation mark, and either closing the quotation (`"This Week,"`) or running on
    /// into more capitalized words (`"This Week With ..."`)? A quoted sentence that opens with a
    /// date ("``Today, we ...") goes on otherwise.
    fn is_title(&self, start: usize, end: usize) -> bool {
        let quote = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                t.kind == TokenKind::Punctuation
                    && t.text
                        .chars()
                        .all(|c| matches!(c, '"' | '\'' | '`' | '“' | '”'))
            })
        };
        let title_case = self.toks[start..end]
            .iter()
            .all(|t| !t.text.starts_with(char::is_lowercase));
        if start == 0 || !quote(start - 1) || !title_case {
            return false;
        }
        let closes = quote(end) || (matches!(self.lower(end), "," | ".") && quote(end + 1));
        let runs_on = self
            .toks
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Word && capitalized(t));
        closes || runs_on
    }

    fn expression(&self, i: usize) -> Option<Match> {
        let tok = self.toks.get(i)?;
        // Only temporal words, numbers and capitalized names can start an expression.
        let first = tok.text.chars().next()?;
        if first.is_lowercase() || tok.kind == TokenKind::Number || first.is_uppercase() {
            self.half(i)
                .or_else(|| self.week_of(i))
                .or_else(|| self.day_next_to(i))
                .or_else(|| self.modified(i))
                .or_else(|| self.year_end(i))
                .or_else(|| self.hedged(i))
                .or_else(|| self.period(i))
                .or_else(|| self.relative(i))
                .or_else(|| self.season(i))
                .or_else(|| self.century(i))
                .or_else(|| self.holiday(i))
                .or_else(|| self.that(i))
                .or_else(|| self.weekday(i))
                .or_else(|| self.range_start(i))
                .or_else(|| self.ordinal_of_month(i))
                .or_else(|| self.calendar(i))
                .or_else(|| self.numeric(i))
                .or_else(|| self.clock(i))
                .or_else(|| self.year(i))
                .or_else(|| self.duration_or_set(i))
                .or_else(|| self.word(i))
                .or_else(|| self.part_alone(i))
        } else {
            None
        }
    }
}

/// Finds and normalizes the temporal expressions of `text`, resolving relative ones against
/// `anchor`. Spans are byte spans into `text`, in order, never overlapping.
pub fn extract(text: &str, anchor: Option<Date>) -> Vec<TemporalExpression> {
    extract_in(text, &[Span::new(0, text.len())], anchor)
}

/// [`extract`] over the parts of `text` at `parts` (in order, not overlapping), read as one
/// text: what a paragraph names carries into the next, as a history told over paragraphs does
/// ("In August 1918 ..." then "On 26 September ..."), but no expression spans two parts and the
/// text between them is never read.
pub fn extract_in(text: &str, parts: &[Span], anchor: Option<Date>) -> Vec<TemporalExpression> {
    let mut raw: Vec<Token> = Vec::new();
    for (k, &part) in parts.iter().enumerate() {
        if k > 0 {
            // An empty token between parts: to every rule it reads as the end of the text.
            raw.push(Token {
                span: Span::new(part.start, part.start),
                kind: TokenKind::Symbol,
            });
        }
        tokenize(text, part, &mut raw);
    }
    let tok = |span: Span, kind: TokenKind| {
        let s = span.slice(text);
        Tok {
            text: s,
            // Most tokens are lowercase already: borrow them.
            lower: if s.chars().any(char::is_uppercase) {
                s.to_lowercase().into()
            } else {
                s.into()
            },
            span,
            kind,
        }
    };
    let mut toks: Vec<Tok<'_>> = Vec::with_capacity(raw.len());
    for t in &raw {
        // "(14 August-24 August)", "31 May-1 June 1916", "(August-September 1950)", "the
        // winter-spring of 1920": the tokenizer joins a month and the next day or month across
        // the hyphen, as it joins "Jong-un"; a range needs them apart.
        let season = |w: &str| SEASONS.iter().any(|(s, ..)| s.eq_ignore_ascii_case(w));
        if t.kind == TokenKind::Word
            && let Some((first, second)) = t.span.slice(text).split_once('-')
            && let day =
                ((1..=2).contains(&second.len()) && second.bytes().all(|b| b.is_ascii_digit()))
            && ((month_of(&first.to_lowercase()).is_some()
                && (day || month_of(&second.to_lowercase()).is_some()))
                || (season(first) && season(second)))
        {
            let hyphen = t.span.start + first.len();
            let kind = if day {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            toks.push(tok(Span::new(t.span.start, hyphen), TokenKind::Word));
            toks.push(tok(Span::new(hyphen, hyphen + 1), TokenKind::Punctuation));
            toks.push(tok(Span::new(hyphen + 1, t.span.end), kind));
        } else {
            toks.push(tok(t.span, t.kind));
        }
    }
    // The first quarter named by its ordinal: "third-quarter", "the fourth quarter".
    let named_quarter = toks.iter().enumerate().find_map(|(k, t)| {
        let ordinal = match t.lower.split_once('-') {
            Some((o, "quarter")) => o,
            _ if toks.get(k + 1).is_some_and(|n| n.lower == "quarter") => t.lower.as_ref(),
            _ => return None,
        };
        ORDINALS
            .iter()
            .find(|(w, _)| *w == ordinal)
            .map(|&(_, q)| q)
    });
    let fiscal = named_quarter.is_some()
        || toks
            .iter()
            .filter(|t| t.lower == "quarter" || t.lower.ends_with("-quarter"))
            .count()
            >= 2;
    let matcher = Matcher {
        toks: &toks,
        anchor,
        reference: std::cell::Cell::new(anchor.map(Reference::from_date)),
        fiscal,
        named_quarter,
        months_named: std::cell::Cell::new([None; 12]),
        named: std::cell::Cell::new((0, 0)),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match matcher.at(i) {
            Some(m) if m.end > i => {
                // (The present named inside a narrative, "this day", "today", "this year", says
                // nothing of where the narrative has got to; "last month" or "Tuesday" in a news
                // report does bring it back to the present.)
                let deictic = |reference: Reference| {
                    m.anchored
                        && matches!(toks[i].lower.as_ref(), "this" | "today" | "tonight")
                        && matcher.narrative().is_some()
                        && anchor.is_some_and(|a| !far_from(a, reference.year))
                };
                // "part of the empire since 513 BC": a date after "since" is background, not
                // where the text goes on from.
                let background = i > 0 && toks[i - 1].lower == "since";
                if matches!(m.kind, TimexType::Date | TimexType::Time)
                    && !background
                    && let Some(reference) = Reference::of(&m.value)
                    && !deictic(reference)
                {
                    // "On December 7 (December 8 in Asia), 1941": a year the text is already
                    // at says no more than it did; the narrative stays on its day.
                    let bare_year = m.value.trim_start_matches("BC").len() == 4;
                    let reference = match matcher.reference.get() {
                        Some(r) if bare_year && r.year == reference.year => r,
                        _ => reference,
                    };
                    matcher.reference.set(Some(reference));
                    if let Some(a) = anchor {
                        let (near, far) = matcher.named.get();
                        matcher.named.set(if far_from(a, reference.year) {
                            (near, far + 1)
                        } else {
                            (near + 1, far)
                        });
                    }
                    if let Some(month) = reference.month {
                        let mut named = matcher.months_named.get();
                        named[usize::from(month - 1)] = Some(reference.year);
                        matcher.months_named.set(named);
                    }
                }
                let span = Span::new(toks[i].span.start, toks[m.end - 1].span.end);
                let confidence = if m.anchored && anchor.is_none() {
                    0.5
                } else {
                    0.8
                };
                let second = (m.kind == TimexType::Date)
                    .then(|| matcher.and_day(m.end, &m.value))
                    .flatten();
                out.push(TemporalExpression {
                    span,
                    kind: m.kind,
                    value: m.value,
                    anchored: m.anchored,
                    confidence,
                });
                i = m.end;
                if let Some((end, value)) = second {
                    out.push(TemporalExpression {
                        // From the day (after "and") to the day or the year after it.
                        span: Span::new(toks[i + 1].span.start, toks[end - 1].span.end),
                        kind: TimexType::Date,
                        value,
                        anchored: true,
                        confidence,
                    });
                    i = end;
                }
            }
            _ => i += 1,
        }
    }
    range_years(text, &mut out);
    out
}

/// "31 May-1 June 1916", "Dec. 30-Jan. 2, 1999", "(August-September 1950)", "the winter-spring
/// of 1920": a range's first date without a year takes the year its end is written with (the one
/// before when its month comes later in the year).
fn range_years(text: &str, out: &mut [TemporalExpression]) {
    // A value's year (None for "XXXX") and its month, or None for a season ("1920-WI").
    fn parts(v: &str) -> Option<(Option<i32>, Option<u8>)> {
        let (year, rest) = v.split_at_checked(4)?;
        let year = match year {
            "XXXX" => None,
            _ if year.bytes().all(|b| b.is_ascii_digit()) => Some(year.parse().ok()?),
            _ => return None,
        };
        let month = match rest.get(..3)? {
            "-SP" | "-SU" | "-FA" | "-WI" => None,
            m => Some(m.get(1..)?.parse().ok()?),
        };
        Some((year, month))
    }
    for k in 1..out.len() {
        let (first, rest) = out.split_at_mut(k);
        let (a, b) = (&mut first[k - 1], &rest[0]);
        let between = text[a.span.end..b.span.start].trim();
        let writes_year = |span: Span| {
            span.slice(text)
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4)
        };
        if !matches!(between, "-" | "–") || writes_year(a.span) || !writes_year(b.span) {
            continue;
        }
        let (Some((year_a, month_a)), Some((Some(year_b), month_b))) =
            (parts(&a.value), parts(&b.value))
        else {
            continue;
        };
        let year = match (month_a, month_b) {
            (Some(m_a), Some(m_b)) if m_a > m_b => year_b - 1,
            (Some(_), Some(_)) | (None, None) => year_b,
            _ => continue,
        };
        if year_a != Some(year) && (0..=9999).contains(&year) {
            a.value = format!("{year:04}{}", &a.value[4..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_fit_the_quick_rejection() {
        // `small_number` rejects long and capitalized words before reading the table.
        for (name, n) in SMALL_NUMBERS {
            assert!(
                name.len() <= 9 && name.starts_with(|c: char| c.is_ascii_lowercase()),
                "{name}"
            );
            assert_eq!(small_number(name), Some(n));
        }
        assert_eq!(small_number("twenty-one"), Some(21));
        assert_eq!(small_number("1,200"), Some(1200));
        assert_eq!(small_number("Seven"), None);
        assert_eq!(small_number("seventeenth"), None);
    }
}
