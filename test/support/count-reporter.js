// Prints one closing line, `N passed, N failed, N skipped`, so CI can count the tests.
class CountReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    // A suite that fails to load has no failed tests of its own; count it so it cannot pass silently.
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    const line = `${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped`;
    // Jest's summary reporter always runs after custom reporters; print at exit so this line closes the output.
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}
module.exports = CountReporter;
