//! Parallax reads news articles and says what is in them and how outlets differ.
//!
//! The library is a pure, synchronous NLP core: a [`Document`] goes through an [`Analyzer`] and
//! comes out as an [`Analysis`] whose annotations are [`Span`]s into the caller's text; a
//! [`Corpus`] stores analyzed articles. The gRPC service in [`grpc`] is a thin adapter over both,
//! and the only module that sees generated protobuf types.
//!
//! ```
//! use parallax::{Analyzer, BlockKind, Document, Limits};
//!
//! let analyzer = Analyzer::new(Limits::default());
//! let text = "Leaders Trade Letters\n\nThe two leaders exchanged letters on Monday. Both praised the ties.\n\nFollow Us";
//! let analysis = analyzer.analyze(&Document::from_text(text)).unwrap();
//! let kinds: Vec<BlockKind> = analysis.segmentation.blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [BlockKind::Headline, BlockKind::Body, BlockKind::Boilerplate]);
//! assert_eq!(analysis.body_sentences().count(), 2);
//! ```

mod analysis;
pub mod compare;
mod corpus;
pub mod dates;
mod document;
pub mod entities;
mod error;
pub mod grpc;
mod limits;
pub mod quotes;
mod span;
mod text;

pub use analysis::{Analysis, Analyzer};
pub use corpus::{ArticleFilter, Corpus, Page, Related, StoredArticle, Story, StoryPage};
pub use document::{Document, Timestamp};
pub use error::{Error, Result};
pub use limits::Limits;
pub use span::{OffsetConverter, OffsetUnit, Span};
pub use text::{Block, BlockKind, Segmentation, Sentence, Token, TokenKind, segment};
