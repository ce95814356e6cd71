//! `parallax.v1.AnalysisService`: analysis without storage.

use std::sync::Arc;

use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};

use super::convert::{self, Rendering};
use super::pb::{self, analysis_service_server::AnalysisService};
use super::status::join_error;
use crate::analysis::Analyzer;
use crate::error::{Error, Result};

/// Analyzes one request: the single code path behind the Analyze RPC, AnalyzeStream and
/// `parallax analyze`, so that all three give the same bytes.
pub fn analyze(analyzer: &Analyzer, request: pb::AnalyzeRequest) -> Result<pb::AnalyzeResponse> {
    let rendering = Rendering {
        unit: convert::offset_unit(request.offset_unit, "offset_unit")?,
        include_tokens: request.include_tokens,
    };
    let document = convert::document(request.document, "document")?;
    let analysis = analyzer.analyze(&document)?;
    Ok(pb::AnalyzeResponse {
        analysis: Some(convert::analysis_to_pb(
            &analysis,
            &document.text,
            rendering,
        )?),
    })
}

/// The AnalysisService handlers.
#[derive(Debug, Clone)]
pub struct AnalysisApi {
    analyzer: Arc<Analyzer>,
}

impl AnalysisApi {
    /// Handlers analyzing with `analyzer`.
    pub fn new(analyzer: Arc<Analyzer>) -> Self {
        Self { analyzer }
    }

    /// Analysis is CPU-bound, so it runs on the blocking pool and never stalls the runtime's
    /// I/O threads.
    async fn analyze_blocking(
        &self,
        request: pb::AnalyzeRequest,
    ) -> Result<pb::AnalyzeResponse, Status> {
        let analyzer = Arc::clone(&self.analyzer);
        tokio::task::spawn_blocking(move || analyze(&analyzer, request))
            .await
            .map_err(join_error)?
            .map_err(Status::from)
    }
}

#[tonic::async_trait]
impl AnalysisService for AnalysisApi {
    async fn analyze(
        &self,
        request: Request<pb::AnalyzeRequest>,
    ) -> Result<Response<pb::AnalyzeResponse>, Status> {
        self.analyze_blocking(request.into_inner())
            .await
            .map(Response::new)
    }

    type AnalyzeStreamStream = ReceiverStream<Result<pb::AnalyzeResponse, Status>>;

    async fn analyze_stream(
        &self,
        request: Request<Streaming<pb::AnalyzeRequest>>,
    ) -> Result<Response<Self::AnalyzeStreamStream>, Status> {
        let mut input = request.into_inner();
        // A small buffer gives back-pressure: a slow reader slows the analysis down instead of
        // piling responses up in memory.
        let (tx, rx) = tokio::sync::mpsc::channel(8);
        let api = self.clone();
        let max_batch = self.analyzer.limits().max_batch;
        tokio::spawn(async move {
            let mut index = 0usize;
            loop {
                let item = match input.message().await {
                    Ok(Some(item)) => item,
                    Ok(None) => break,
                    Err(status) => {
                        let _ = tx.send(Err(status)).await;
                        break;
                    }
                };
                let result = if index >= max_batch {
                    Err(Status::from(Error::LimitExceeded {
                        what: "number of requests in the stream".into(),
                        limit: max_batch,
                        actual: index + 1,
                    }))
                } else {
                    api.analyze_blocking(item).await.map_err(|status| {
                        Status::new(
                            status.code(),
                            format!("request {index}: {}", status.message()),
                        )
                    })
                };
                let failed = result.is_err();
                if tx.send(result).await.is_err() || failed {
                    // The caller hung up, or the stream ends at its first error.
                    break;
                }
                index += 1;
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
