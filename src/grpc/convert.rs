//! Conversions between generated `pb` types and domain types, in one place.
//!
//! Inbound conversions validate and name the offending field in their error; outbound ones also
//! convert byte spans into the offset unit the caller asked for, once per text.

use super::pb;
use crate::analysis::Analysis;
use crate::corpus::{ArticleFilter, StoredArticle};
use crate::dates::{DateSource, TimexType};
use crate::document::{Document, Timestamp};
use crate::entities::{EntityType, MentionKind};
use crate::error::{Error, Result};
use crate::quotes::{QuoteKind, Speaker as Attributed};
use crate::span::{OffsetConverter, OffsetUnit, Span};
use crate::text::{BlockKind, TokenKind};

/// Reads a required `Document` field; `field` is its name in the request.
pub fn document(document: Option<pb::Document>, field: &str) -> Result<Document> {
    let document = document.ok_or_else(|| Error::invalid(field, "is required"))?;
    let published_at = document
        .published_at
        .map(|ts| timestamp(ts, &format!("{field}.published_at")))
        .transpose()?;
    Ok(Document {
        text: document.text,
        title: document.title,
        source: document.source,
        url: document.url,
        published_at,
        timezone: document.timezone,
    })
}

/// Reads a `google.protobuf.Timestamp`.
pub fn timestamp(ts: prost_types::Timestamp, field: &str) -> Result<Timestamp> {
    Timestamp::from_unix(ts.seconds, ts.nanos, field)
}

/// Writes a `google.protobuf.Timestamp`.
pub fn timestamp_to_pb(ts: Timestamp) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: ts.unix_seconds(),
        nanos: ts.subsec_nanos(),
    }
}

/// Reads an `OffsetUnit` enum value; unknown numbers are refused rather than guessed.
pub fn offset_unit(value: i32, field: &str) -> Result<OffsetUnit> {
    match pb::OffsetUnit::try_from(value) {
        Ok(pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8) => Ok(OffsetUnit::Utf8),
        Ok(pb::OffsetUnit::Utf16) => Ok(OffsetUnit::Utf16),
        Ok(pb::OffsetUnit::Codepoint) => Ok(OffsetUnit::CodePoint),
        Err(_) => Err(Error::invalid(
            field,
            format!(
                "unknown value {value}; use OFFSET_UNIT_UTF8, OFFSET_UNIT_UTF16 or OFFSET_UNIT_CODEPOINT"
            ),
        )),
    }
}

fn offset_unit_to_pb(unit: OffsetUnit) -> pb::OffsetUnit {
    match unit {
        OffsetUnit::Utf8 => pb::OffsetUnit::Utf8,
        OffsetUnit::Utf16 => pb::OffsetUnit::Utf16,
        OffsetUnit::CodePoint => pb::OffsetUnit::Codepoint,
    }
}

/// Writes a document back as the caller sent it.
pub fn document_to_pb(document: &Document) -> pb::Document {
    pb::Document {
        text: document.text.clone(),
        title: document.title.clone(),
        source: document.source.clone(),
        url: document.url.clone(),
        published_at: document.published_at.map(timestamp_to_pb),
        timezone: document.timezone.clone(),
    }
}

/// Spans on the wire are `uint32`; texts are capped far below 4 GiB by `Limits`, so an offset
/// that does not fit is an invariant violation, reported as such rather than truncated.
fn span_to_pb(conv: &OffsetConverter, span: Span) -> Result<pb::Span> {
    let span = conv.span(span);
    let fit = |offset: usize| {
        u32::try_from(offset).map_err(|_| Error::Internal(format!("offset {offset} exceeds u32")))
    };
    Ok(pb::Span {
        start: fit(span.start)?,
        end: fit(span.end)?,
    })
}

fn block_kind_to_pb(kind: BlockKind) -> pb::BlockKind {
    match kind {
        BlockKind::Body => pb::BlockKind::Body,
        BlockKind::Headline => pb::BlockKind::Headline,
        BlockKind::Dateline => pb::BlockKind::Dateline,
        BlockKind::Caption => pb::BlockKind::Caption,
        BlockKind::Boilerplate => pb::BlockKind::Boilerplate,
        BlockKind::Duplicate => pb::BlockKind::Duplicate,
    }
}

fn token_kind_to_pb(kind: TokenKind) -> pb::TokenKind {
    match kind {
        TokenKind::Word => pb::TokenKind::Word,
        TokenKind::Number => pb::TokenKind::Number,
        TokenKind::Punctuation => pb::TokenKind::Punctuation,
        TokenKind::Symbol => pb::TokenKind::Symbol,
    }
}

fn date_source_to_pb(source: DateSource) -> pb::DateSource {
    match source {
        DateSource::Caller => pb::DateSource::Caller,
        DateSource::Dateline => pb::DateSource::Dateline,
        DateSource::PageDate => pb::DateSource::PageDate,
        DateSource::Byline => pb::DateSource::Byline,
        DateSource::None => pb::DateSource::Unspecified,
    }
}

fn timex_type_to_pb(kind: TimexType) -> pb::TimexType {
    match kind {
        TimexType::Date => pb::TimexType::Date,
        TimexType::Time => pb::TimexType::Time,
        TimexType::Duration => pb::TimexType::Duration,
        TimexType::Set => pb::TimexType::Set,
    }
}

fn iso_date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn index_to_pb(index: usize) -> Result<u32> {
    u32::try_from(index).map_err(|_| Error::Internal(format!("index {index} exceeds u32")))
}

/// How an analysis is rendered for one caller.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rendering {
    /// Unit of every span.
    pub unit: OffsetUnit,
    /// Include `Analysis.tokens`.
    pub include_tokens: bool,
}

/// Writes an analysis of `text`, spans in `rendering.unit`.
pub fn analysis_to_pb(
    analysis: &Analysis,
    text: &str,
    rendering: Rendering,
) -> Result<pb::Analysis> {
    let conv = OffsetConverter::new(text, rendering.unit);
    let seg = &analysis.segmentation;
    let blocks = seg
        .blocks
        .iter()
        .map(|block| {
            Ok(pb::Block {
                span: Some(span_to_pb(&conv, block.span)?),
                kind: block_kind_to_pb(block.kind).into(),
                duplicate_of: block.duplicate_of.map(index_to_pb).transpose()?,
            })
        })
        .collect::<Result<_>>()?;
    let sentences = seg
        .sentences
        .iter()
        .map(|sentence| {
            Ok(pb::Sentence {
                span: Some(span_to_pb(&conv, sentence.span)?),
                block: index_to_pb(sentence.block)?,
            })
        })
        .collect::<Result<_>>()?;
    let tokens = if rendering.include_tokens {
        seg.tokens
            .iter()
            .map(|token| {
                Ok(pb::Token {
                    span: Some(span_to_pb(&conv, token.span)?),
                    kind: token_kind_to_pb(token.kind).into(),
                })
            })
            .collect::<Result<_>>()?
    } else {
        Vec::new()
    };
    let document_date = &analysis.document_date;
    let anchor = document_date.date.map(iso_date).unwrap_or_default();
    let dates = analysis
        .dates
        .iter()
        .map(|expression| {
            Ok(pb::TemporalExpression {
                text: expression.span.slice(text).to_owned(),
                span: Some(span_to_pb(&conv, expression.span)?),
                r#type: timex_type_to_pb(expression.kind).into(),
                value: expression.value.clone(),
                anchor: if expression.anchored {
                    anchor.clone()
                } else {
                    String::new()
                },
                confidence: expression.confidence,
            })
        })
        .collect::<Result<_>>()?;
    let entities = analysis
        .entities
        .iter()
        .map(|entity| {
            Ok(pb::Entity {
                id: entity.id.clone(),
                name: entity.name.clone(),
                r#type: entity_type_to_pb(entity.kind).into(),
                mentions: entity
                    .mentions
                    .iter()
                    .map(|m| {
                        Ok(pb::EntityMention {
                            span: Some(span_to_pb(&conv, m.span)?),
                            text: m.span.slice(text).to_owned(),
                            kind: mention_kind_to_pb(m.kind).into(),
                            confidence: m.confidence,
                        })
                    })
                    .collect::<Result<_>>()?,
                aliases: entity.aliases.clone(),
                roles: entity.roles.clone(),
                salience: entity.salience,
                confidence: entity.confidence,
            })
        })
        .collect::<Result<_>>()?;
    let attributed = |a: &Attributed| -> Result<pb::Attributed> {
        Ok(pb::Attributed {
            entity_id: a.entity_id.clone().unwrap_or_default(),
            name: a.name.clone(),
            span: Some(span_to_pb(&conv, a.span)?),
        })
    };
    let quotes = analysis
        .quotes
        .iter()
        .map(|q| {
            Ok(pb::Quote {
                text: q.span.slice(text).to_owned(),
                span: Some(span_to_pb(&conv, q.span)?),
                kind: quote_kind_to_pb(q.kind).into(),
                speaker: q.speaker.as_ref().map(attributed).transpose()?,
                cue: q.cue.map(|c| c.slice(text).to_owned()).unwrap_or_default(),
                cue_span: q.cue.map(|c| span_to_pb(&conv, c)).transpose()?,
                cited_source: q.cited_source.as_ref().map(attributed).transpose()?,
                confidence: q.confidence,
            })
        })
        .collect::<Result<_>>()?;
    Ok(pb::Analysis {
        offset_unit: offset_unit_to_pb(rendering.unit).into(),
        blocks,
        sentences,
        tokens,
        word_count: index_to_pb(analysis.word_count)?,
        document_date: Some(pb::DocumentDate {
            value: anchor,
            source: date_source_to_pb(document_date.source).into(),
            span: document_date
                .span
                .map(|span| span_to_pb(&conv, span))
                .transpose()?,
        }),
        dates,
        entities,
        quotes,
    })
}

fn quote_kind_to_pb(kind: QuoteKind) -> pb::QuoteKind {
    match kind {
        QuoteKind::Direct => pb::QuoteKind::Direct,
        QuoteKind::Partial => pb::QuoteKind::Partial,
        QuoteKind::Indirect => pb::QuoteKind::Indirect,
    }
}

fn entity_type_to_pb(kind: EntityType) -> pb::EntityType {
    match kind {
        EntityType::Person => pb::EntityType::Person,
        EntityType::Organization => pb::EntityType::Organization,
        EntityType::Location => pb::EntityType::Location,
        EntityType::Nationality => pb::EntityType::Nationality,
        EntityType::Event => pb::EntityType::Event,
        EntityType::Other => pb::EntityType::Other,
    }
}

fn mention_kind_to_pb(kind: MentionKind) -> pb::MentionKind {
    match kind {
        MentionKind::Name => pb::MentionKind::Name,
        MentionKind::Nominal => pb::MentionKind::Nominal,
    }
}

/// Writes a stored article; `rendering` is `None` to leave the analysis out.
pub fn article_to_pb(article: &StoredArticle, rendering: Option<Rendering>) -> Result<pb::Article> {
    let analysis = rendering
        .map(|r| analysis_to_pb(&article.analysis, &article.document.text, r))
        .transpose()?;
    Ok(pb::Article {
        id: article.id.clone(),
        document: Some(document_to_pb(&article.document)),
        analysis,
        added_at: Some(timestamp_to_pb(article.added_at)),
    })
}

/// Reads the filters of a `ListArticlesRequest`.
pub fn article_filter(request: &pb::ListArticlesRequest) -> Result<ArticleFilter> {
    let published_after = request
        .published_after
        .map(|ts| timestamp(ts, "published_after"))
        .transpose()?;
    let published_before = request
        .published_before
        .map(|ts| timestamp(ts, "published_before"))
        .transpose()?;
    if let (Some(after), Some(before)) = (published_after, published_before)
        && after >= before
    {
        return Err(Error::invalid(
            "published_before",
            format!("{before} is not after published_after {after}"),
        ));
    }
    let source = Some(request.source.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    Ok(ArticleFilter {
        source,
        published_after,
        published_before,
    })
}
