//! `parallax.v1.CorpusService`: storing and retrieving analyzed articles.

use std::sync::Arc;

use tonic::{Request, Response, Status, Streaming};

use super::convert::{self, Rendering};
use super::pb::{self, corpus_service_server::CorpusService};
use super::status::{code_name, code_of};
use crate::corpus::{Corpus, StoredArticle};
use crate::error::{Error, Result};

/// The CorpusService handlers.
#[derive(Debug, Clone)]
pub struct CorpusApi {
    corpus: Arc<Corpus>,
}

fn required_id(id: &str) -> Result<&str> {
    let id = id.trim();
    if id.is_empty() {
        return Err(Error::invalid("id", "is required"));
    }
    Ok(id)
}

impl CorpusApi {
    /// Handlers over `corpus`.
    pub fn new(corpus: Arc<Corpus>) -> Self {
        Self { corpus }
    }

    /// Writes `article` with its current story (none when it was deleted meanwhile).
    fn article_to_pb(
        &self,
        article: &StoredArticle,
        rendering: Option<Rendering>,
    ) -> Result<pb::Article> {
        let story_id = self.corpus.story_id(&article.id).unwrap_or_default();
        convert::article_to_pb(article, story_id, rendering)
    }

    /// Adds one article (analysis runs on the blocking pool); shared by AddArticle and
    /// ImportArticles.
    async fn add(
        &self,
        request: pb::AddArticleRequest,
    ) -> Result<(Arc<StoredArticle>, bool, Rendering)> {
        let rendering = Rendering {
            unit: convert::offset_unit(request.offset_unit, "offset_unit")?,
            include_tokens: false,
        };
        let document = convert::document(request.document, "document")?;
        let corpus = Arc::clone(&self.corpus);
        let id = request.id;
        let (article, created) = tokio::task::spawn_blocking(move || {
            let id = Some(id.as_str()).filter(|id| !id.is_empty());
            corpus.add(id, document)
        })
        .await
        .map_err(|e| Error::Internal(format!("analysis task failed: {e}")))??;
        Ok((article, created, rendering))
    }
}

#[tonic::async_trait]
impl CorpusService for CorpusApi {
    async fn add_article(
        &self,
        request: Request<pb::AddArticleRequest>,
    ) -> Result<Response<pb::AddArticleResponse>, Status> {
        let (article, created, rendering) = self.add(request.into_inner()).await?;
        Ok(Response::new(pb::AddArticleResponse {
            article: Some(self.article_to_pb(&article, Some(rendering))?),
            created,
        }))
    }

    async fn import_articles(
        &self,
        request: Request<Streaming<pb::AddArticleRequest>>,
    ) -> Result<Response<pb::ImportArticlesResponse>, Status> {
        let mut input = request.into_inner();
        let max_batch = self.corpus.analyzer().limits().max_batch;
        let mut response = pb::ImportArticlesResponse::default();
        let mut index = 0usize;
        // A malformed message breaks the stream itself, so that (and only that) ends the import
        // with an error; every well-formed item gets a result of its own.
        while let Some(item) = input.message().await? {
            let outcome = if index >= max_batch {
                Err(Error::LimitExceeded {
                    what: "number of articles in one import".into(),
                    limit: max_batch,
                    actual: index + 1,
                })
            } else {
                self.add(item).await
            };
            let result = match outcome {
                Ok((article, created, _)) => {
                    if created {
                        response.created += 1;
                    } else {
                        response.existing += 1;
                    }
                    pb::ImportResult {
                        index: 0,
                        id: article.id.clone(),
                        created,
                        error: String::new(),
                    }
                }
                Err(error) => {
                    response.failed += 1;
                    pb::ImportResult {
                        index: 0,
                        id: String::new(),
                        created: false,
                        error: format!("{}: {error}", code_name(code_of(&error))),
                    }
                }
            };
            response.results.push(pb::ImportResult {
                index: u32::try_from(index)
                    .map_err(|_| Status::resource_exhausted("too many items"))?,
                ..result
            });
            index += 1;
        }
        Ok(Response::new(response))
    }

    async fn get_article(
        &self,
        request: Request<pb::GetArticleRequest>,
    ) -> Result<Response<pb::Article>, Status> {
        let request = request.into_inner();
        let rendering = Rendering {
            unit: convert::offset_unit(request.offset_unit, "offset_unit")?,
            include_tokens: false,
        };
        let article = self.corpus.get(required_id(&request.id)?)?;
        Ok(Response::new(
            self.article_to_pb(&article, Some(rendering))?,
        ))
    }

    async fn list_articles(
        &self,
        request: Request<pb::ListArticlesRequest>,
    ) -> Result<Response<pb::ListArticlesResponse>, Status> {
        let request = request.into_inner();
        let rendering = Rendering {
            unit: convert::offset_unit(request.offset_unit, "offset_unit")?,
            include_tokens: false,
        };
        let filter = convert::article_filter(&request)?;
        let page_token = Some(request.page_token.as_str()).filter(|t| !t.is_empty());
        let page = self
            .corpus
            .list(&filter, request.page_size as usize, page_token)?;
        let rendering = (!request.omit_analysis).then_some(rendering);
        let articles = page
            .articles
            .iter()
            .map(|article| self.article_to_pb(article, rendering))
            .collect::<Result<_>>()?;
        Ok(Response::new(pb::ListArticlesResponse {
            articles,
            next_page_token: page.next_page_token.unwrap_or_default(),
        }))
    }

    async fn delete_article(
        &self,
        request: Request<pb::DeleteArticleRequest>,
    ) -> Result<Response<pb::DeleteArticleResponse>, Status> {
        let request = request.into_inner();
        let article = self.corpus.delete(required_id(&request.id)?)?;
        Ok(Response::new(pb::DeleteArticleResponse {
            id: article.id.clone(),
        }))
    }
}
