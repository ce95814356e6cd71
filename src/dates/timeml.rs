//! Reading TimeML files and scoring temporal expressions against them, as TempEval-3 does.
//!
//! Scores: strict span match (identical extent) and relaxed match (any overlap), each with
//! precision, recall and F1 over TIMEX3 mentions in `<TEXT>` (the creation time is the anchor,
//! not a mention); type accuracy and value accuracy over relaxed matches; and value F1, where a
//! relaxed match counts only when its value is also right.

use std::fmt;
use std::path::Path;

use crate::span::Span;

/// One annotated temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte span in [`TimemlDoc::text`].
    pub span: Span,
    /// TIMEX3 type: DATE, TIME, DURATION or SET.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// A TimeML document reduced to its plain text, creation time and TIMEX3 annotations.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    /// File name, for reports and the dev split.
    pub name: String,
    /// The text of `<TEXT>`, tags removed and entities decoded.
    pub text: String,
    /// The document creation time (`functionInDocument="CREATION_TIME"`), as a date.
    pub creation_time: Option<time::Date>,
    /// The annotations, in text order.
    pub timexes: Vec<GoldTimex>,
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn decode_entity(entity: &str) -> Option<char> {
    match entity {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Parses a `YYYY-MM-DD` prefix.
pub(crate) fn parse_date(value: &str) -> Option<time::Date> {
    let year: i32 = value.get(0..4)?.parse().ok()?;
    let month: u8 = value.get(5..7)?.parse().ok()?;
    let day: u8 = value.get(8..10)?.parse().ok()?;
    time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()
}

/// Parses TimeML source (the content of a `.tml` file).
pub fn parse(name: &str, source: &str) -> Result<TimemlDoc, String> {
    let creation_time = source
        .find("<DCT>")
        .and_then(|at| source[at..].find("<TIMEX3").map(|t| at + t))
        .and_then(|at| source[at..].find('>').map(|end| &source[at..at + end]))
        .and_then(|tag| attribute(tag, "value"))
        .and_then(parse_date);
    let body_start = source
        .find("<TEXT>")
        .ok_or_else(|| format!("{name}: no <TEXT>"))?
        + "<TEXT>".len();
    let body_end = source[body_start..]
        .find("</TEXT>")
        .ok_or_else(|| format!("{name}: no </TEXT>"))?
        + body_start;
    let body = &source[body_start..body_end];

    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after
                .find('>')
                .ok_or_else(|| format!("{name}: unclosed tag"))?;
            let tag = &after[..end];
            if tag.starts_with("TIMEX3") {
                let kind = attribute(tag, "type").unwrap_or("DATE").to_owned();
                let value = attribute(tag, "value").unwrap_or("").to_owned();
                open = Some((text.len(), kind, value));
            } else if tag.starts_with("/TIMEX3") {
                let (start, kind, value) = open
                    .take()
                    .ok_or_else(|| format!("{name}: stray </TIMEX3>"))?;
                timexes.push(GoldTimex {
                    span: Span::new(start, text.len()),
                    kind,
                    value,
                });
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('&') {
            let end = after.find(';').filter(|&e| e <= 6);
            match end.and_then(|e| decode_entity(&after[..e]).map(|c| (e, c))) {
                Some((e, c)) => {
                    text.push(c);
                    rest = &after[e + 1..];
                }
                None => {
                    text.push('&');
                    rest = after;
                }
            }
        } else {
            let next = rest.find(['<', '&']).unwrap_or(rest.len());
            text.push_str(&rest[..next]);
            rest = &rest[next..];
        }
    }
    Ok(TimemlDoc {
        name: name.to_owned(),
        text,
        creation_time,
        timexes,
    })
}

/// Reads and parses one TimeML file.
pub fn read(path: &Path) -> Result<TimemlDoc, String> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    parse(&name, &source)
}

/// The held-out development portion of a corpus: one file in five, chosen by a hash of the file
/// name (FNV-1a), so the split is fixed and independent of directory order. Rules are written
/// looking only at the other files; the dev files are for measuring.
pub fn is_dev(file_name: &str) -> bool {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in file_name.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % 5 == 0
}

/// Counts behind the scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Gold mentions.
    pub gold: usize,
    /// System mentions.
    pub system: usize,
    /// Gold mentions with a system mention of identical extent.
    pub strict: usize,
    /// Gold mentions with an overlapping system mention.
    pub relaxed: usize,
    /// Relaxed matches whose type agrees.
    pub type_correct: usize,
    /// Relaxed matches whose value agrees.
    pub value_correct: usize,
    /// Documents scored.
    pub documents: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Scores {
    /// Strict precision, recall, F1.
    pub fn strict(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.strict, self.system),
            ratio(self.strict, self.gold),
        );
        (p, r, f1(p, r))
    }

    /// Relaxed precision, recall, F1.
    pub fn relaxed(&self) -> (f64, f64, f64) {
        let (p, r) = (
            ratio(self.relaxed, self.system),
            ratio(self.relaxed, self.gold),
        );
        (p, r, f1(p, r))
    }

    /// Value F1: relaxed matches with the right value, over system and gold counts.
    pub fn value_f1(&self) -> f64 {
        f1(
            ratio(self.value_correct, self.system),
            ratio(self.value_correct, self.gold),
        )
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: &Scores) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.type_correct += other.type_correct;
        self.value_correct += other.value_correct;
        self.documents += other.documents;
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict();
        let (rp, rr, rf) = self.relaxed();
        writeln!(
            f,
            "documents {}  gold {}  system {}",
            self.documents, self.gold, self.system
        )?;
        writeln!(f, "strict   P {sp:.4}  R {sr:.4}  F1 {sf:.4}")?;
        writeln!(f, "relaxed  P {rp:.4}  R {rr:.4}  F1 {rf:.4}")?;
        writeln!(
            f,
            "type accuracy {:.4}  value accuracy {:.4}  value F1 {:.4}",
            ratio(self.type_correct, self.relaxed),
            ratio(self.value_correct, self.relaxed),
            self.value_f1()
        )
    }
}

/// A system's expression, as scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    /// Byte span in the document text.
    pub span: Span,
    /// TIMEX3 type name.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// Scores `predicted` against `doc`. Each gold mention is matched to at most one system mention
/// (the first overlapping one not yet used), and vice versa.
pub fn score(doc: &TimemlDoc, predicted: &[Predicted]) -> Scores {
    let mut used = vec![false; predicted.len()];
    let mut scores = Scores {
        gold: doc.timexes.len(),
        system: predicted.len(),
        documents: 1,
        ..Scores::default()
    };
    for gold in &doc.timexes {
        let found = predicted.iter().enumerate().find(|(i, p)| {
            !used[*i] && p.span.start < gold.span.end && gold.span.start < p.span.end
        });
        let Some((i, p)) = found else { continue };
        used[i] = true;
        scores.relaxed += 1;
        scores.strict += usize::from(p.span == gold.span);
        scores.type_correct += usize::from(p.kind == gold.kind);
        scores.value_correct += usize::from(p.value == gold.value);
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Stocks fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; rose <EVENT eid="e1">again</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT></TimeML>"#;

    #[test]
    fn parses_text_spans_and_creation_time() {
        let doc = parse("x.tml", SAMPLE).unwrap();
        assert_eq!(
            doc.creation_time,
            time::Date::from_calendar_date(1998, time::Month::January, 8).ok()
        );
        let spans: Vec<_> = doc
            .timexes
            .iter()
            .map(|t| (t.span.slice(&doc.text), t.kind.as_str(), t.value.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                ("yesterday", "DATE", "1998-01-07"),
                ("two days", "DURATION", "P2D")
            ]
        );
        assert!(doc.text.contains("yesterday & rose again for"));
    }

    #[test]
    fn scores_strict_relaxed_and_values() {
        let doc = parse("x.tml", SAMPLE).unwrap();
        let at = |needle: &str| {
            let start = doc.text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let predicted = [
            Predicted {
                span: at("yesterday"),
                kind: "DATE".into(),
                value: "1998-01-07".into(),
            },
            Predicted {
                span: at("days"),
                kind: "DURATION".into(),
                value: "P3D".into(),
            },
            Predicted {
                span: at("Stocks"),
                kind: "DATE".into(),
                value: "X".into(),
            },
        ];
        let s = score(&doc, &predicted);
        assert_eq!(
            (
                s.gold,
                s.system,
                s.strict,
                s.relaxed,
                s.type_correct,
                s.value_correct
            ),
            (2, 3, 1, 2, 2, 1)
        );
        assert!((s.value_f1() - f1(1.0 / 3.0, 0.5)).abs() < 1e-9);
    }

    #[test]
    fn dev_split_is_fixed_and_about_a_fifth() {
        let names: Vec<String> = (0..1000).map(|i| format!("doc{i}.tml")).collect();
        let dev = names.iter().filter(|n| is_dev(n)).count();
        assert!((150..250).contains(&dev), "{dev}");
        assert_eq!(
            is_dev("APW19980807.0261.tml"),
            is_dev("APW19980807.0261.tml")
        );
    }
}
