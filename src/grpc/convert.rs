//! Conversions between generated `pb` types and domain types, in one place.
//!
//! Inbound conversions validate and name the offending field in their error; outbound ones also
//! convert byte spans into the offset unit the caller asked for, once per text.

use std::collections::HashMap;
use std::sync::Arc;

use super::pb;
use crate::analysis::Analysis;
use crate::compare::{Agreement, Comparison, DiffOp, Verdict};
use crate::corpus::{ArticleFilter, Related, StoredArticle, Story};
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
        DateSource::Anniversary => pb::DateSource::Anniversary,
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
                co_speakers: q
                    .co_speakers
                    .iter()
                    .map(attributed)
                    .collect::<Result<_>>()?,
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
            conflict: document_date
                .conflict
                .as_ref()
                .map(|c| -> Result<_> {
                    Ok(pb::DateConflict {
                        stamped_value: iso_date(c.stamped),
                        stamped_source: date_source_to_pb(c.stamped_source).into(),
                        stamped_span: Some(span_to_pb(&conv, c.stamped_span)?),
                        evidence: c.evidence.slice(text).to_owned(),
                        evidence_span: Some(span_to_pb(&conv, c.evidence)?),
                        earliest_year: c.years.0,
                        latest_year: c.years.1,
                    })
                })
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
        MentionKind::Pronoun => pb::MentionKind::Pronoun,
    }
}

/// Writes a stored article of story `story_id`; `rendering` is `None` to leave the analysis
/// out.
pub fn article_to_pb(
    article: &StoredArticle,
    story_id: String,
    rendering: Option<Rendering>,
) -> Result<pb::Article> {
    let analysis = rendering
        .map(|r| analysis_to_pb(&article.analysis, &article.document.text, r))
        .transpose()?;
    Ok(pb::Article {
        id: article.id.clone(),
        document: Some(document_to_pb(&article.document)),
        analysis,
        added_at: Some(timestamp_to_pb(article.added_at)),
        story_id,
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

/// Writes a comparison of `articles` (which hold every article it names), spans in `unit`.
pub fn comparison_to_pb(
    comparison: &Comparison,
    articles: &[Arc<StoredArticle>],
    unit: OffsetUnit,
) -> Result<pb::Comparison> {
    let converters: HashMap<&str, OffsetConverter> = articles
        .iter()
        .map(|a| (a.id.as_str(), OffsetConverter::new(&a.document.text, unit)))
        .collect();
    let span = |article_id: &str, span: Span| -> Result<Option<pb::Span>> {
        let conv = converters.get(article_id).ok_or_else(|| {
            Error::Internal(format!(
                "comparison names article {article_id:?} it was not given"
            ))
        })?;
        span_to_pb(conv, span).map(Some)
    };
    let count = |n: usize| index_to_pb(n);
    Ok(pb::Comparison {
        article_ids: comparison.articles.iter().map(|a| a.id.clone()).collect(),
        articles: comparison
            .articles
            .iter()
            .map(|a| pb::ArticleSummary {
                article_id: a.id.clone(),
                source: a.source.clone(),
                title: a.title.clone(),
                date: a.date.map(iso_date).unwrap_or_default(),
                date_source: date_source_to_pb(a.date_source).into(),
                date_outlier: a.date_outlier,
            })
            .collect(),
        shared_quotes: comparison
            .shared_quotes
            .iter()
            .map(|g| {
                Ok(pb::QuoteGroup {
                    speaker: g.speaker.clone().unwrap_or_default(),
                    text: g.text.clone(),
                    variants: g
                        .variants
                        .iter()
                        .map(|v| {
                            Ok(pb::QuoteVariant {
                                article_id: v.article_id.clone(),
                                quote_index: count(v.quote_index)?,
                                span: span(&v.article_id, v.span)?,
                                text: v.text.clone(),
                                agreement: agreement_to_pb(v.agreement).into(),
                                diff: v
                                    .diff
                                    .iter()
                                    .map(|p| pb::DiffPiece {
                                        op: diff_op_to_pb(p.op).into(),
                                        text: p.text.clone(),
                                    })
                                    .collect(),
                                speaker: v.speaker.clone().unwrap_or_default(),
                                cited_source: v.cited_source.clone().unwrap_or_default(),
                            })
                        })
                        .collect::<Result<_>>()?,
                })
            })
            .collect::<Result<_>>()?,
        name_variants: comparison
            .name_variants
            .iter()
            .map(|l| {
                Ok(pb::LinkedEntity {
                    name: l.name.clone(),
                    r#type: entity_type_to_pb(l.kind).into(),
                    forms: l
                        .forms
                        .iter()
                        .map(|f| {
                            Ok(pb::NameForm {
                                article_id: f.article_id.clone(),
                                text: f.text.clone(),
                                mentions: f.mentions,
                            })
                        })
                        .collect::<Result<_>>()?,
                    spellings_differ: l.spellings_differ,
                })
            })
            .collect::<Result<_>>()?,
        facts: comparison
            .facts
            .iter()
            .map(|f| {
                Ok(pb::Fact {
                    claim: f.claim.clone(),
                    values: f
                        .values
                        .iter()
                        .map(|v| {
                            Ok(pb::FactValue {
                                article_id: v.article_id.clone(),
                                value: v.value,
                                ordinal: v.ordinal,
                                text: v.text.clone(),
                                span: span(&v.article_id, v.span)?,
                                qualifier: v.qualifier.clone().unwrap_or_default(),
                            })
                        })
                        .collect::<Result<_>>()?,
                    verdict: verdict_to_pb(f.verdict).into(),
                })
            })
            .collect::<Result<_>>()?,
        cited_sources: comparison
            .cited_sources
            .iter()
            .map(|s| pb::ArticleSources {
                article_id: s.article_id.clone(),
                sources: s
                    .sources
                    .iter()
                    .map(|c| pb::CitedSource {
                        name: c.name.clone(),
                        count: c.count,
                        article_ids: c.article_ids.clone(),
                    })
                    .collect(),
                uncredited_shared_quotes: s.uncredited_shared_quotes,
            })
            .collect(),
        coverage: comparison
            .coverage
            .iter()
            .map(|c| {
                Ok(pb::ArticleCoverage {
                    article_id: c.article_id.clone(),
                    shared_sentences: c.shared_sentences,
                    unique_sentences: c
                        .unique_sentences
                        .iter()
                        .map(|s| {
                            Ok(pb::SentenceText {
                                span: span(&c.article_id, s.span)?,
                                text: s.text.clone(),
                            })
                        })
                        .collect::<Result<_>>()?,
                })
            })
            .collect::<Result<_>>()?,
        timeline: comparison
            .timeline
            .iter()
            .map(|t| {
                Ok(pb::TimelineEntry {
                    value: t.value.clone(),
                    events: t
                        .events
                        .iter()
                        .map(|e| {
                            Ok(pb::DatedEvent {
                                article_id: e.article_id.clone(),
                                expression: e.expression.clone(),
                                span: span(&e.article_id, e.span)?,
                                sentence: e.sentence.clone(),
                            })
                        })
                        .collect::<Result<_>>()?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// Writes a story; `comparison` is included for GetStory.
pub fn story_to_pb(story: &Story, comparison: Option<pb::Comparison>) -> pb::Story {
    pb::Story {
        id: story.id.clone(),
        article_ids: story.articles.iter().map(|a| a.id.clone()).collect(),
        // (The first article with a title: a scraped page may have none.)
        title: story
            .articles
            .iter()
            .map(|a| a.title())
            .find(|t| !t.is_empty())
            .unwrap_or_default(),
        comparison,
    }
}

/// Writes an article related to another.
pub fn related_to_pb(related: &Related) -> pb::RelatedArticle {
    let s = &related.similarity;
    pb::RelatedArticle {
        article_id: related.article.id.clone(),
        story_id: related.story_id.clone(),
        same_story: s.same_story,
        score: s.score,
        text_similarity: s.text,
        entity_overlap: s.entities,
        shared_entities: s.shared_entities.clone(),
        shared_quotes: s.shared_quotes,
        days_apart: s.days_apart,
    }
}

fn agreement_to_pb(agreement: Agreement) -> pb::Agreement {
    match agreement {
        Agreement::Verbatim => pb::Agreement::Verbatim,
        Agreement::Truncated => pb::Agreement::Truncated,
        Agreement::VariantWording => pb::Agreement::VariantWording,
        Agreement::Paraphrase => pb::Agreement::Paraphrase,
    }
}

fn diff_op_to_pb(op: DiffOp) -> pb::DiffOp {
    match op {
        DiffOp::Equal => pb::DiffOp::Equal,
        DiffOp::Insert => pb::DiffOp::Insert,
        DiffOp::Delete => pb::DiffOp::Delete,
    }
}

fn verdict_to_pb(verdict: Verdict) -> pb::Verdict {
    match verdict {
        Verdict::Agree => pb::Verdict::Agree,
        Verdict::Differ => pb::Verdict::Differ,
        Verdict::Qualified => pb::Verdict::Qualified,
        Verdict::Unique => pb::Verdict::Unique,
    }
}
