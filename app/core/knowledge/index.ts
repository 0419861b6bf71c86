export { knowledgeEntrySchema, knowledgeFileSchema, entryStandingSchema, type KnowledgeEntry, type KnowledgeFile, type EntryStanding } from './knowledgeEntry.js';
export { loadKnowledgeBase, KnowledgeBaseError, type KnowledgeBase } from './loadKnowledgeBase.js';
export { Lexicon, type LexiconRule } from './lexicon.js';
export { KnowledgeRetriever, DEFAULT_CHANNEL_WEIGHTS, type RetrievalQuery, type RetrievalHit, type RetrievalResult, type ChannelWeights } from './knowledgeRetriever.js';
export { Bm25Index, type Bm25Params, type WeightedField } from './bm25Index.js';
export { analyzeText, wordTokens, charBigrams, pinyinTokens, type AnalyzedText } from './textAnalyzer.js';
export { standingCaution } from './standingCaution.js';
