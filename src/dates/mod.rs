//! Dates and times: TIMEX3 expressions normalized against the document date.
//!
//! [`document_date`] decides what "today" is for an article (the caller's publication time, or a
//! dateline, byline stamp or page date found in the text) and [`extract`] finds every temporal
//! expression and gives it a TIMEX3 type and value, resolving relative ones ("last month", "on
//! Monday") against that date. [`timeml`] reads annotated TimeML and scores the extractor the way
//! TempEval-3 does.

mod extract;
pub mod timeml;

pub(crate) use extract::is_calendar_word;
pub use extract::{extract, extract_in};

use crate::span::Span;
use crate::text::{Block, BlockKind};

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
    /// No date could be found.
    None,
}

/// The date an article's relative expressions are anchored to.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentDate {
    /// The date, when known.
    pub date: Option<time::Date>,
    /// Where it came from.
    pub source: DateSource,
    /// Where in the text it was found (for datelines and page dates).
    pub span: Option<Span>,
}

/// Decides the document date: the caller's, else the first dated DATELINE block or dateline
/// paragraph opening among the first blocks. A dateline without a year ("Aug. 15") takes the
/// latest year the article mentions.
pub fn document_date(text: &str, blocks: &[Block], caller: Option<time::Date>) -> DocumentDate {
    if let Some(date) = caller {
        return DocumentDate {
            date: Some(date),
            source: DateSource::Caller,
            span: None,
        };
    }
    // Only a dateline without a year needs this, so it is computed on demand.
    let latest_year = || {
        extract(text, None)
            .iter()
            .filter(|e| e.kind == TimexType::Date && !e.anchored)
            .filter_map(|e| e.value.get(0..4).and_then(|y| y.parse::<i32>().ok()))
            .max()
    };
    for block in blocks.iter().take(15) {
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
            Some(rest) => match latest_year() {
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
            };
        }
    }
    DocumentDate {
        date: None,
        source: DateSource::None,
        span: None,
    }
}

#[cfg(test)]
mod tests;
