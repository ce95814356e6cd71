#!/usr/bin/env python3
"""End-to-end checks of a running Parallax server with a real non-Rust client (Python grpcio).

Stubs are generated at run time from the repository's proto files, so this client always speaks
the contract as committed. Usage: e2e.py HOST:PORT SEEDS_DIR

Prints one line per check and, last, "N passed, M failed"; exits non-zero on any failure.
"""

import pathlib
import subprocess
import sys
import tempfile

import grpc

REPO = pathlib.Path(__file__).resolve().parent.parent
PASSED = 0
FAILED = []


def generate_stubs():
    out = pathlib.Path(tempfile.mkdtemp(prefix="parallax-stubs-"))
    protos = sorted(str(p.relative_to(REPO / "proto")) for p in (REPO / "proto").rglob("*.proto"))
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", "-I", str(REPO / "proto"),
         f"--python_out={out}", f"--grpc_python_out={out}", *protos],
        check=True,
    )
    sys.path.insert(0, str(out))


def check(name, condition, detail=""):
    global PASSED
    if condition:
        PASSED += 1
        print(f"ok   {name}")
    else:
        FAILED.append(name)
        print(f"FAIL {name} {detail}")


def expect_error(name, call, code, needle):
    try:
        call()
    except grpc.RpcError as error:
        check(name, error.code() == code and needle in error.details(),
              f"got {error.code()} {error.details()!r}")
        return
    check(name, False, "call succeeded")


def main():
    address, seeds_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    generate_stubs()
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
    from parallax.v1 import analysis_pb2, analysis_pb2_grpc, common_pb2, corpus_pb2, corpus_pb2_grpc
    from parallax.v1 import comparison_pb2, comparison_pb2_grpc

    channel = grpc.insecure_channel(address)
    grpc.channel_ready_future(channel).result(timeout=10)
    analysis = analysis_pb2_grpc.AnalysisServiceStub(channel)
    corpus = corpus_pb2_grpc.CorpusServiceStub(channel)

    # Reflection (v1alpha, what grpcurl and Python's reflection client speak).
    reflection = reflection_pb2_grpc.ServerReflectionStub(channel)
    responses = reflection.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    services = {s.name for s in next(responses).list_services_response.service}
    for name in ["parallax.v1.AnalysisService", "parallax.v1.CorpusService", "parallax.v1.ComparisonService",
                 "grpc.health.v1.Health"]:
        check(f"reflection lists {name}", name in services, str(services))

    # Health.
    health = health_pb2_grpc.HealthStub(channel)
    for service in ["", "parallax.v1.AnalysisService", "parallax.v1.CorpusService"]:
        status = health.Check(health_pb2.HealthCheckRequest(service=service)).status
        check(f"health {service or '(server)'} SERVING", status == health_pb2.HealthCheckResponse.SERVING)

    # Analyze every seed article; spans must be right in Python's own string indexing.
    seeds = sorted(seeds_dir.glob("*.txt"))
    check("five seed articles", len(seeds) == 5, str(seeds_dir))
    Kind = analysis_pb2.BlockKind
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        response = analysis.Analyze(analysis_pb2.AnalyzeRequest(
            document=common_pb2.Document(text=text), offset_unit=common_pb2.OFFSET_UNIT_CODEPOINT))
        result = response.analysis
        blocks = [(Kind.Name(b.kind), text[b.span.start:b.span.end]) for b in result.blocks]
        check(f"{path.name}: blocks found", len(blocks) > 3)
        check(f"{path.name}: codepoint spans slice block text",
              all(t and t == t.strip() and t in text for _, t in blocks))
        check(f"{path.name}: sentences inside the text",
              all(0 <= s.span.start < s.span.end <= len(text) for s in result.sentences) and len(result.sentences) > 3)
        debris = [t for _, t in blocks if t in ("Follow Us", "Loading data...", "Leave a Reply")
                  or t.startswith(("RELATED ", "CLICK HERE", "More from "))]
        check(f"{path.name}: page debris is not BODY",
              all(k != "BLOCK_KIND_BODY" for k, t in blocks if t in debris), str(debris))
        # UTF-16 spans, as Java and JavaScript index strings.
        utf16 = analysis.Analyze(analysis_pb2.AnalyzeRequest(
            document=common_pb2.Document(text=text), offset_unit=common_pb2.OFFSET_UNIT_UTF16)).analysis
        encoded = text.encode("utf-16-le")
        check(f"{path.name}: UTF-16 spans slice the same blocks",
              [encoded[2 * b.span.start:2 * b.span.end].decode("utf-16-le") for b in utf16.blocks] == [t for _, t in blocks])
        # Entities: spans (in code points here) slice the mention texts; every seed names both
        # leaders, Kim under one canonical name.
        check(f"{path.name}: entity mention spans slice their text",
              all(text[m.span.start:m.span.end] == m.text for e in result.entities for m in e.mentions))
        people = {e.name for e in result.entities if e.type == analysis_pb2.ENTITY_TYPE_PERSON}
        check(f"{path.name}: Putin and one Kim Jong Un are people",
              "Vladimir Putin" in people and len([p for p in people if p.startswith("Kim Jong")]) == 1, str(people))
        if path.name.startswith("001_"):
            places = {e.name: list(e.aliases) for e in result.entities if e.type == analysis_pb2.ENTITY_TYPE_LOCATION}
            check("001: Lugansk is the place Luhansk", "Lugansk" in places.get("Luhansk", []), str(places))
        if path.name.startswith("004_"):
            document_date = result.document_date
            check("004: dateline gives the document date 2022-08-15",
                  document_date.value == "2022-08-15"
                  and analysis_pb2.DateSource.Name(document_date.source) == "DATE_SOURCE_DATELINE")
            values = {(d.text.lower(), d.value) for d in result.dates}
            check("004: Monday, last month and last week resolve against it",
                  {("monday", "2022-08-15"), ("last month", "2022-07"), ("last week", "2022-W32")} <= values, str(values))
            check("004: date spans slice their text", all(text[d.span.start:d.span.end] == d.text for d in result.dates))
        if path.name.startswith("001_"):
            duplicates = [b for b in result.blocks if b.kind == Kind.Value("BLOCK_KIND_DUPLICATE")]
            original = result.blocks[duplicates[0].duplicate_of] if duplicates else None
            check("001: repeated lede is DUPLICATE of an identical BODY block",
                  len(duplicates) == 1 and original.kind == Kind.Value("BLOCK_KIND_BODY")
                  and text[original.span.start:original.span.end]
                  == text[duplicates[0].span.start:duplicates[0].span.end])

    # AnalyzeStream: ordered answers, then the first error ends the stream.
    texts = ["First story here.", "A second, longer story follows.", "Third."]
    answers = list(analysis.AnalyzeStream(iter(
        analysis_pb2.AnalyzeRequest(document=common_pb2.Document(text=t)) for t in texts)))
    check("AnalyzeStream answers in order",
          [a.analysis.blocks[0].span.end for a in answers] == [len(t) for t in texts])
    try:
        list(analysis.AnalyzeStream(iter([analysis_pb2.AnalyzeRequest(document=common_pb2.Document(text=""))])))
        check("AnalyzeStream refuses empty text", False, "no error")
    except grpc.RpcError as error:
        check("AnalyzeStream refuses empty text", error.code() == grpc.StatusCode.INVALID_ARGUMENT)

    # Error cases.
    expect_error("Analyze empty text", lambda: analysis.Analyze(analysis_pb2.AnalyzeRequest(
        document=common_pb2.Document(text=""))), grpc.StatusCode.INVALID_ARGUMENT, "document.text")
    expect_error("GetArticle unknown id", lambda: corpus.GetArticle(corpus_pb2.GetArticleRequest(id="nope")),
                 grpc.StatusCode.NOT_FOUND, "nope")
    expect_error("ListArticles bad token", lambda: corpus.ListArticles(
        corpus_pb2.ListArticlesRequest(page_token="garbage")), grpc.StatusCode.INVALID_ARGUMENT, "page_token")
    expect_error("DeleteArticle unknown id", lambda: corpus.DeleteArticle(corpus_pb2.DeleteArticleRequest(id="nope")),
                 grpc.StatusCode.NOT_FOUND, "nope")

    # Corpus: add the seeds, idempotently; page through them; import; delete.
    ids = []
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        added = corpus.AddArticle(corpus_pb2.AddArticleRequest(
            document=common_pb2.Document(text=text, source=f"outlet-{path.name[:3]}")))
        again = corpus.AddArticle(corpus_pb2.AddArticleRequest(
            document=common_pb2.Document(text=text, source=f"outlet-{path.name[:3]}")))
        check(f"AddArticle {path.name} created, then existing",
              added.created and not again.created and added.article.id == again.article.id)
        ids.append(added.article.id)
    got = corpus.GetArticle(corpus_pb2.GetArticleRequest(id=ids[0]))
    check("GetArticle returns the text", got.document.text == seeds[0].read_text(encoding="utf-8"))
    seen, token = [], ""
    while True:
        page = corpus.ListArticles(corpus_pb2.ListArticlesRequest(page_size=2, page_token=token, omit_analysis=True))
        seen += [a.id for a in page.articles]
        token = page.next_page_token
        if not token:
            break
    check("ListArticles pages through every article once", seen == ids, str(seen))
    result = corpus.ImportArticles(iter([
        corpus_pb2.AddArticleRequest(id="imported-1", document=common_pb2.Document(text="A brand new story.")),
        corpus_pb2.AddArticleRequest(document=common_pb2.Document(text="")),
        corpus_pb2.AddArticleRequest(document=common_pb2.Document(
            text=seeds[0].read_text(encoding="utf-8"), source=f"outlet-{seeds[0].name[:3]}")),
    ]))
    check("ImportArticles counts", (result.created, result.failed, result.existing) == (1, 1, 1), str(result))
    check("ImportArticles reports the bad item",
          result.results[1].error.startswith("INVALID_ARGUMENT") and result.results[0].id == "imported-1")
    corpus.DeleteArticle(corpus_pb2.DeleteArticleRequest(id=ids[1]))
    expect_error("deleted article is gone", lambda: corpus.GetArticle(corpus_pb2.GetArticleRequest(id=ids[1])),
                 grpc.StatusCode.NOT_FOUND, ids[1])
    remaining = corpus.ListArticles(corpus_pb2.ListArticlesRequest(page_size=100, omit_analysis=True))
    check("list after delete", [a.id for a in remaining.articles] == [i for i in ids if i != ids[1]] + ["imported-1"])

    compare_seeds(channel, seeds, corpus, corpus_pb2, common_pb2, comparison_pb2, comparison_pb2_grpc)

    print(f"{PASSED} passed, {len(FAILED)} failed")
    if FAILED:
        print("failed: " + "; ".join(FAILED))
        sys.exit(1)


def compare_seeds(channel, seeds, corpus, corpus_pb2, common_pb2, comparison_pb2, comparison_pb2_grpc):
    """ComparisonService on the seeds, added with the sidecar metadata the repo keeps."""
    import json
    from google.protobuf import timestamp_pb2

    compare = comparison_pb2_grpc.ComparisonServiceStub(channel)
    # Start from an empty corpus.
    for article in corpus.ListArticles(corpus_pb2.ListArticlesRequest(page_size=1000, omit_analysis=True)).articles:
        corpus.DeleteArticle(corpus_pb2.DeleteArticleRequest(id=article.id))
    meta_dir = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds-meta"
    texts = {}
    for path in seeds:
        meta = json.loads((meta_dir / f"{path.name}.meta.json").read_text(encoding="utf-8"))
        document = common_pb2.Document(text=path.read_text(encoding="utf-8"), source=meta.get("source", ""))
        if "publishedAt" in meta:
            stamp = timestamp_pb2.Timestamp()
            stamp.FromJsonString(meta["publishedAt"] + "T00:00:00Z")
            document.published_at.CopyFrom(stamp)
        texts[path.name[:3]] = document.text
        corpus.AddArticle(corpus_pb2.AddArticleRequest(id=path.name[:3], document=document))

    stories = compare.ListStories(comparison_pb2.ListStoriesRequest(min_articles=2)).stories
    check("ListStories: the 2022 exchange is one story",
          [list(s.article_ids) for s in stories] == [["000", "001", "002", "004"]], str(stories))
    lone = corpus.GetArticle(corpus_pb2.GetArticleRequest(id="003"))
    check("GetArticle tells the story", lone.story_id == "s-003", lone.story_id)
    related = compare.FindRelated(comparison_pb2.FindRelatedRequest(article_id="003")).related
    check("FindRelated: 2025's letter is related to 2022's, not the same story",
          any(r.article_id == "000" and not r.same_story and r.days_apart > 1000 for r in related), str(related))

    story = compare.GetStory(comparison_pb2.GetStoryRequest(id="s-000", offset_unit=common_pb2.OFFSET_UNIT_CODEPOINT))
    comparison = story.comparison
    def group(words):
        return next((g for g in comparison.shared_quotes if any(words in v.text for v in g.variants)), None)
    kim = group("comradely friendship and militant unity")
    check("GetStory: Kim's quote shared by 000, 001, 004",
          kim is not None and sorted(v.article_id for v in kim.variants) == ["000", "001", "004"]
          and kim.speaker == "Kim Jong Un", str(kim))
    putin = group("comprehensive and constructive bilateral")
    variant = putin and next((v for v in putin.variants if v.article_id == "000"), None)
    check("GetStory: Putin's quote, 000's wording a variant with its diff",
          variant is not None and variant.agreement == comparison_pb2.AGREEMENT_VARIANT_WORDING
          and any(p.op == comparison_pb2.DIFF_OP_INSERT and "ties" in p.text for p in variant.diff), str(putin))
    check("quote spans are code points into each article",
          all(texts[v.article_id][v.span.start:v.span.end] == v.text for g in comparison.shared_quotes for v in g.variants))
    luhansk = next((e for e in comparison.name_variants if e.name == "Luhansk"), None)
    check("GetStory: Luhansk and Lugansk linked",
          luhansk is not None and luhansk.spellings_differ and {"Luhansk", "Lugansk"} <= {f.text for f in luhansk.forms},
          str(luhansk))
    cited = {s.article_id: [c.name for c in s.sources] for s in comparison.cited_sources}
    check("GetStory: each article's cited sources",
          "Izvestia" in cited.get("001", []) and "KCNA" in cited.get("004", []), str(cited))
    check("GetStory: 001's page stamp flagged",
          [a.article_id for a in comparison.articles if a.date_outlier] == ["001"])
    pair = compare.CompareArticles(comparison_pb2.CompareArticlesRequest(article_ids=["002", "004"]))
    check("CompareArticles on two articles", list(pair.article_ids) == ["002", "004"] and len(pair.shared_quotes) >= 2)

    expect_error("CompareArticles without ids", lambda: compare.CompareArticles(
        comparison_pb2.CompareArticlesRequest()), grpc.StatusCode.INVALID_ARGUMENT, "article_ids")
    expect_error("CompareArticles unknown id", lambda: compare.CompareArticles(
        comparison_pb2.CompareArticlesRequest(article_ids=["000", "nope"])), grpc.StatusCode.NOT_FOUND, "nope")
    expect_error("GetStory unknown id", lambda: compare.GetStory(
        comparison_pb2.GetStoryRequest(id="s-nope")), grpc.StatusCode.NOT_FOUND, "s-nope")
    expect_error("FindRelated limit too large", lambda: compare.FindRelated(
        comparison_pb2.FindRelatedRequest(article_id="000", limit=5000)), grpc.StatusCode.INVALID_ARGUMENT, "limit")

    corpus.DeleteArticle(corpus_pb2.DeleteArticleRequest(id="000"))
    after = compare.GetStory(comparison_pb2.GetStoryRequest(id="s-001"))
    check("deleting an article updates its story", list(after.article_ids) == ["001", "002", "004"], str(after.article_ids))


if __name__ == "__main__":
    main()
