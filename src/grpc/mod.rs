//! The gRPC transport: a thin adapter over the library.
//!
//! Each handler validates its request, converts it into domain types ([`convert`]), calls the
//! library, and converts the result back. Domain errors become statuses in one exhaustive match
//! ([`status`]). Generated code lives in [`pb`] and nothing outside this module uses it.

mod analysis_service;
mod comparison_service;
pub mod convert;
mod corpus_service;
pub mod json;
mod server;
pub mod status;

pub use analysis_service::{AnalysisApi, analyze};
pub use comparison_service::{ComparisonApi, all_stories};
pub use corpus_service::CorpusApi;
pub use server::{Server, ServerConfig};

/// Generated protobuf messages and tonic services of `parallax.v1`.
#[allow(missing_docs, unreachable_pub, clippy::wildcard_enum_match_arm)]
pub mod pb {
    tonic::include_proto!("parallax.v1");

    /// The encoded `FileDescriptorSet` of `parallax.v1` and its imports, for reflection and JSON.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/parallax_descriptor.bin"));
}
