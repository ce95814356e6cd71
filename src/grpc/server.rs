//! The assembled gRPC server: Parallax's services plus health and reflection (v1 and v1alpha),
//! with message size limits and graceful shutdown.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tonic::server::NamedService;
use tonic_health::ServingStatus;

use super::pb::{
    analysis_service_server::AnalysisServiceServer,
    comparison_service_server::ComparisonServiceServer, corpus_service_server::CorpusServiceServer,
};
use super::{AnalysisApi, ComparisonApi, CorpusApi, pb};
use crate::analysis::Analyzer;
use crate::corpus::Corpus;
use crate::limits::Limits;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Size and capacity limits.
    pub limits: Limits,
    /// After a shutdown signal, how long in-flight calls may run before the server exits anyway.
    pub shutdown_grace: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The reflection service could not read the descriptor set (a build defect).
    #[error("reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The transport failed.
    #[error("transport: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// A Parallax gRPC server with its own analyzer and in-memory corpus.
#[derive(Debug)]
pub struct Server {
    config: ServerConfig,
    corpus: Arc<Corpus>,
}

/// Names of the application services, for the health service.
const SERVICES: [&str; 3] = [
    <AnalysisServiceServer<AnalysisApi> as NamedService>::NAME,
    <CorpusServiceServer<CorpusApi> as NamedService>::NAME,
    <ComparisonServiceServer<ComparisonApi> as NamedService>::NAME,
];

impl Server {
    /// A server with an empty corpus.
    pub fn new(config: ServerConfig) -> Self {
        let corpus = Arc::new(Corpus::new(Analyzer::new(config.limits)));
        Self { config, corpus }
    }

    /// The server's corpus.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }

    /// Serves on `listener` until `shutdown` resolves, then stops accepting calls, reports
    /// NOT_SERVING, and lets in-flight calls finish for up to `shutdown_grace`.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let max_message = self.config.limits.max_message_bytes();
        let analyzer = Arc::new(self.corpus.analyzer().clone());
        let analysis = AnalysisServiceServer::new(AnalysisApi::new(analyzer))
            .max_decoding_message_size(max_message)
            .max_encoding_message_size(max_message);
        let corpus = CorpusServiceServer::new(CorpusApi::new(Arc::clone(&self.corpus)))
            .max_decoding_message_size(max_message)
            .max_encoding_message_size(max_message);
        let comparison = ComparisonServiceServer::new(ComparisonApi::new(Arc::clone(&self.corpus)))
            .max_decoding_message_size(max_message)
            .max_encoding_message_size(max_message);

        let reflection = || {
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        };
        let reflection_v1 = reflection().build_v1()?;
        let reflection_v1alpha = reflection().build_v1alpha()?;

        let (health, health_service) = tonic_health::server::health_reporter();
        for service in SERVICES {
            health
                .set_service_status(service, ServingStatus::Serving)
                .await;
        }

        let (drained_tx, drained_rx) = tokio::sync::oneshot::channel::<()>();
        let signal = {
            let health = health.clone();
            async move {
                shutdown.await;
                tracing::info!("shutting down: refusing new calls, finishing in-flight ones");
                for service in SERVICES.into_iter().chain([""]) {
                    health
                        .set_service_status(service, ServingStatus::NotServing)
                        .await;
                }
                let _ = drained_tx.send(());
            }
        };

        let addr = listener.local_addr().ok();
        let router = tonic::transport::Server::builder()
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha)
            .add_service(analysis)
            .add_service(corpus)
            .add_service(comparison);
        tracing::info!(?addr, "serving");
        // Without TCP_NODELAY small responses wait for the peer's delayed ACK (~40 ms a call).
        let incoming = tonic::transport::server::TcpIncoming::from(listener)
            .with_nodelay(Some(true))
            .with_keepalive(Some(Duration::from_secs(60)));
        let serve = router.serve_with_incoming_shutdown(incoming, signal);
        let grace = self.config.shutdown_grace;
        tokio::select! {
            result = serve => result?,
            () = async {
                // Only once the signal fired does the grace period start.
                if drained_rx.await.is_ok() {
                    tokio::time::sleep(grace).await;
                } else {
                    std::future::pending::<()>().await;
                }
            } => {
                tracing::warn!(?grace, "in-flight calls still running after the grace period; exiting");
            }
        }
        tracing::info!("stopped");
        Ok(())
    }
}
