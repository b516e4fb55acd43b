// Test globals (describe, it, before…) of the mocha runner used by web-test-runner.
/// <reference types="mocha" />
export {};
