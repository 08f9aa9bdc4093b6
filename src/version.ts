// eslint-disable-next-line @typescript-eslint/no-require-imports -- read once; package.json sits outside src
export const version: string = (require('../package.json') as { version: string }).version
