//! `parallax.v1.ComparisonService`: stories and cross-source comparisons over the corpus.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use super::convert;
use super::pb::{self, comparison_service_server::ComparisonService};
use crate::corpus::{Corpus, Story};
use crate::error::{Error, Result};
use crate::span::OffsetUnit;

/// Default and largest number of related articles returned.
const DEFAULT_RELATED: usize = 10;
const MAX_RELATED: usize = 100;

/// The ComparisonService handlers.
#[derive(Debug, Clone)]
pub struct ComparisonApi {
    corpus: Arc<Corpus>,
}

impl ComparisonApi {
    /// Handlers over `corpus`.
    pub fn new(corpus: Arc<Corpus>) -> Self {
        Self { corpus }
    }

    /// Runs `f` on the blocking pool: comparisons read every article's text.
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Corpus) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let corpus = Arc::clone(&self.corpus);
        tokio::task::spawn_blocking(move || f(&corpus))
            .await
            .map_err(|e| Error::Internal(format!("comparison task failed: {e}")))?
    }
}

/// Every story of `corpus` with its comparison, spans in `unit`: what `parallax compare`
/// prints, the same messages GetStory returns.
pub fn all_stories(corpus: &Corpus, unit: OffsetUnit) -> Result<pb::ListStoriesResponse> {
    let mut stories = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = corpus.stories(1, 0, token.as_deref())?;
        for story in &page.stories {
            stories.push(story_with_comparison(story, unit)?);
        }
        match page.next_page_token {
            Some(next) => token = Some(next),
            None => break,
        }
    }
    Ok(pb::ListStoriesResponse {
        stories,
        next_page_token: String::new(),
    })
}

fn story_with_comparison(story: &Story, unit: OffsetUnit) -> Result<pb::Story> {
    let refs: Vec<_> = story.articles.iter().map(AsRef::as_ref).collect();
    let comparison = crate::compare::compare(&refs);
    let comparison = convert::comparison_to_pb(&comparison, &story.articles, unit)?;
    Ok(convert::story_to_pb(story, Some(comparison)))
}

fn required(value: &str, field: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::invalid(field, "is required"));
    }
    Ok(value.to_owned())
}

#[tonic::async_trait]
impl ComparisonService for ComparisonApi {
    async fn compare_articles(
        &self,
        request: Request<pb::CompareArticlesRequest>,
    ) -> Result<Response<pb::Comparison>, Status> {
        let request = request.into_inner();
        let unit = convert::offset_unit(request.offset_unit, "offset_unit")?;
        let ids: Vec<String> = request
            .article_ids
            .iter()
            .map(|id| required(id, "article_ids"))
            .collect::<Result<_>>()?;
        let comparison = self
            .blocking(move |corpus| {
                let articles = ids
                    .iter()
                    .map(|id| corpus.get(id))
                    .collect::<Result<Vec<_>>>()?;
                let comparison = corpus.compare(&ids)?;
                convert::comparison_to_pb(&comparison, &articles, unit)
            })
            .await?;
        Ok(Response::new(comparison))
    }

    async fn list_stories(
        &self,
        request: Request<pb::ListStoriesRequest>,
    ) -> Result<Response<pb::ListStoriesResponse>, Status> {
        let request = request.into_inner();
        let page_token = Some(request.page_token.as_str()).filter(|t| !t.is_empty());
        let page = self.corpus.stories(
            request.min_articles as usize,
            request.page_size as usize,
            page_token,
        )?;
        Ok(Response::new(pb::ListStoriesResponse {
            stories: page
                .stories
                .iter()
                .map(|s| convert::story_to_pb(s, None))
                .collect(),
            next_page_token: page.next_page_token.unwrap_or_default(),
        }))
    }

    async fn get_story(
        &self,
        request: Request<pb::GetStoryRequest>,
    ) -> Result<Response<pb::Story>, Status> {
        let request = request.into_inner();
        let unit = convert::offset_unit(request.offset_unit, "offset_unit")?;
        let id = required(&request.id, "id")?;
        let story = self
            .blocking(move |corpus| story_with_comparison(&corpus.story(&id)?, unit))
            .await?;
        Ok(Response::new(story))
    }

    async fn find_related(
        &self,
        request: Request<pb::FindRelatedRequest>,
    ) -> Result<Response<pb::FindRelatedResponse>, Status> {
        let request = request.into_inner();
        let id = required(&request.article_id, "article_id")?;
        let limit = match request.limit as usize {
            0 => DEFAULT_RELATED,
            n if n <= MAX_RELATED => n,
            n => {
                return Err(Error::invalid(
                    "limit",
                    format!("{n} is over the maximum of {MAX_RELATED}"),
                )
                .into());
            }
        };
        let related = self.corpus.related(&id)?;
        Ok(Response::new(pb::FindRelatedResponse {
            related: related
                .iter()
                .take(limit)
                .map(convert::related_to_pb)
                .collect(),
        }))
    }
}
