// One file at a time: each integration spec starts a cards service that consumes cards.commands
// and p100.webhooks.card in the run's namespace; two at once would both answer one command.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'cards', rootDir: __dirname, maxWorkers: 1 };
