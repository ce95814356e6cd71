//! Dates and times: TIMEX3 expressions normalized against the document date.
//!
//! [`document_date`] decides what "today" is for an article (the caller's publication time, or a
//! dateline, byline stamp or page date found in the text) and [`extract`] finds every temporal
//! expression and gives it a TIMEX3 type and value, resolving relative ones ("last month", "on
//! Monday") against that date. [`timeml`] reads annotated TimeML and scores the extractor the way
//! TempEval-3 does.

mod evidence;
mod extract;
pub mod timeml;

pub(crate) use extract::is_calendar_word;
pub use extract::{extract, extract_in};

use crate::span::Span;
use crate::text::{BlockKind, Segmentation};

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period: "August 15, 1945", "last month", "the 1990s".
    Date,
    /// A time of day: "3 p.m.", "Monday morning".
    Time,
    /// A length of time: "three years", "24 hours".
    Duration,
    /// A recurrence: "every year", "weekly".
    Set,
}

impl TimexType {
    /// The TimeML name: DATE, TIME, DURATION, SET.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub struct TemporalExpression {
    /// Byte span in the text.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value ("2022-08-15", "2022-07", "2022-W32", "P3Y", "PAST_REF"; `X` for unknown
    /// parts).
    pub value: String,
    /// True when the value was computed from the anchor (a relative expression).
    pub anchored: bool,
    /// How sure the rules are, 0 to 1.
    pub confidence: f32,
}

/// Where the document date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// The caller's `published_at`.
    Caller,
    /// A dateline opening the article ("SEOUL, Aug. 15 (UPI) --").
    Dateline,
    /// A date line near the top of the page ("December 28, 2024").
    PageDate,
    /// A byline time stamp: a date with a clock time ("15.08.22 15:00").
    Byline,
    /// The day of an anniversary the article marks ("the 77th anniversary of ... August 15,
    /// 1945" gives 2022-08-15), taken when it contradicts the page's stamp.
    Anniversary,
    /// No date could be found, or the one found was contradicted.
    None,
}

/// A date stamped on the page that the article's own words contradict: the stamp is set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct DateConflict {
    /// The stamp.
    pub stamped: time::Date,
    /// What kind of stamp it was ([`DateSource::PageDate`] or [`DateSource::Byline`]).
    pub stamped_source: DateSource,
    /// Where the stamp is.
    pub stamped_span: Span,
    /// The words that date the article otherwise ("77th anniversary of ... 1945").
    pub evidence: Span,
    /// The first and last year those words allow (inclusive).
    pub years: (i32, i32),
}

/// The date an article's relative expressions are anchored to.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentDate {
    /// The date, when known.
    pub date: Option<time::Date>,
    /// Where it came from.
    pub source: DateSource,
    /// Where in the text it was found (for datelines, page dates and anniversaries).
    pub span: Option<Span>,
    /// A page stamp set aside because the article contradicts it.
    pub conflict: Option<DateConflict>,
}

/// Decides the document date: the caller's, else the first dated DATELINE block or dateline
/// paragraph opening among the first blocks. A dateline without a year ("Aug. 15") takes the
/// year of an anniversary the article marks, else the latest year the article mentions.
///
/// A page stamp (a date line or byline stamp, often the day the page was captured or updated)
/// gives way to the article's own words: when an anniversary it marks puts it in other years
/// ("the 77th anniversary of ... 1945" on a page stamped 2024), the stamp is set aside and
/// reported as a [`DateConflict`], and the document date is the anniversary's day when the event's
/// full date is given, else unknown, so that "on Monday" is not resolved against a wrong week.
/// The caller's date and a dated dateline are the article's own and are kept.
pub fn document_date(text: &str, seg: &Segmentation, caller: Option<time::Date>) -> DocumentDate {
    if let Some(date) = caller {
        return DocumentDate {
            date: Some(date),
            source: DateSource::Caller,
            span: None,
            conflict: None,
        };
    }
    let stamp = stamped_date(text, seg);
    match (stamp.source, stamp.date, stamp.span) {
        (DateSource::PageDate | DateSource::Byline, Some(stamped), Some(stamped_span)) => {
            match dating_anniversary(text, seg) {
                Some(evidence)
                    if !(evidence.years.0..=evidence.years.1).contains(&stamped.year()) =>
                {
                    DocumentDate {
                        date: evidence.date,
                        source: match evidence.date {
                            Some(_) => DateSource::Anniversary,
                            None => DateSource::None,
                        },
                        span: evidence.date.map(|_| evidence.span),
                        conflict: Some(DateConflict {
                            stamped,
                            stamped_source: stamp.source,
                            stamped_span,
                            evidence: evidence.span,
                            years: evidence.years,
                        }),
                    }
                }
                _ => stamp,
            }
        }
        _ => stamp,
    }
}

/// The first anniversary of the article's prose that dates it ([`evidence::anniversary`]),
/// unless the prose names a year after it: then the anniversary is history.
fn dating_anniversary(text: &str, seg: &Segmentation) -> Option<evidence::Anniversary> {
    let prose: Vec<Span> = seg.sentences.iter().map(|s| s.span).collect();
    let found = evidence::anniversary(text, &prose)?;
    let later_year = extract_in(text, &prose, None).iter().any(|e| {
        e.kind == TimexType::Date
            && !e.anchored
            && e.value
                .get(0..4)
                .and_then(|y| y.parse::<i32>().ok())
                .is_some_and(|y| y > found.years.1)
    });
    (!later_year).then_some(found)
}

/// The date the page gives: the first dated DATELINE block or dateline paragraph opening.
fn stamped_date(text: &str, seg: &Segmentation) -> DocumentDate {
    // Only a dateline without a year needs these, so they are computed on demand.
    let anniversary_year = || {
        dating_anniversary(text, seg)
            .filter(|a| a.years.0 == a.years.1)
            .map(|a| a.years.0)
    };
    let latest_year = || {
        extract(text, None)
            .iter()
            .filter(|e| e.kind == TimexType::Date && !e.anchored)
            .filter_map(|e| e.value.get(0..4).and_then(|y| y.parse::<i32>().ok()))
            .max()
    };
    for block in seg.blocks.iter().take(15) {
        let (source, window) = match block.kind {
            BlockKind::Dateline => (DateSource::PageDate, block.span),
            // A dateline: "CITY, Month Day (Agency) --" at the start of a paragraph.
            BlockKind::Body => match text[block.span.start..block.span.end]
                .find("--")
                .or_else(|| text[block.span.start..block.span.end].find(" — "))
            {
                Some(dash) if dash < 60 => (
                    DateSource::Dateline,
                    Span::new(block.span.start, block.span.start + dash),
                ),
                _ => continue,
            },
            BlockKind::Headline
            | BlockKind::Caption
            | BlockKind::Boilerplate
            | BlockKind::Duplicate => continue,
        };
        let found = extract(window.slice(text), None);
        // A stamp that also gives the time of day is the byline's publication stamp.
        let source =
            if source == DateSource::PageDate && found.iter().any(|e| e.kind == TimexType::Time) {
                DateSource::Byline
            } else {
                source
            };
        let Some(first) = found
            .iter()
            .find(|e| e.kind == TimexType::Date || e.kind == TimexType::Time)
        else {
            continue;
        };
        let value = match first.value.strip_prefix("XXXX") {
            Some(rest) => match anniversary_year().or_else(latest_year) {
                Some(year) => format!("{year:04}{rest}"),
                None => continue,
            },
            None => first.value.clone(),
        };
        if let Some(date) = timeml::parse_date(&value) {
            let span = Span::new(
                window.start + first.span.start,
                window.start + first.span.end,
            );
            return DocumentDate {
                date: Some(date),
                source,
                span: Some(span),
                conflict: None,
            };
        }
    }
    DocumentDate {
        date: None,
        source: DateSource::None,
        span: None,
        conflict: None,
    }
}

#[cfg(test)]
mod tests;
