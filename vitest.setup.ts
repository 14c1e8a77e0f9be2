import { configure } from '@testing-library/dom';

// findBy*/waitFor give up after 1 s by default. CI runs ~220 test files on two shared cores, where a lazy
// route's first import alone can take longer; the assertions are unchanged, only how long they may wait
// for the page to get there (well under the 20 s test timeout).
configure({ asyncUtilTimeout: 5_000 });
