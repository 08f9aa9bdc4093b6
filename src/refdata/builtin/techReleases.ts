/**
 * When technologies first became available to the public, for CV-ANACHRONISM ("experience with
 * technologies before those technologies had ever existed", DTEX i3, V9). Dates are the first public
 * release or open-sourcing as announced by the project itself; a claim is compared with a grace period,
 * since early adopters used betas. `pattern` is matched case-sensitively where the word is also an
 * ordinary English word (Rust, Swift, React), so "react quickly" is not React.
 */
export const TECH_RELEASES_VERSION = '2026-12-05'
export const TECH_RELEASES_SOURCE = "Vetting Desk table of first public releases, each from the project's own announcement"

export interface TechRelease {
  name: string
  pattern: RegExp
  /** YYYY-MM of the first public release */
  released: string
  source: string
}

export const TECH_RELEASES: readonly TechRelease[] = [
  { name: 'Node.js', pattern: /\bnode\.?js\b/i, released: '2009-05', source: 'first release by Ryan Dahl, May 2009 (nodejs.org about)' },
  { name: 'AngularJS', pattern: /\bangular\.?js\b/i, released: '2010-10', source: 'AngularJS 0.9, October 2010 (angularjs.org)' },
  { name: 'Angular', pattern: /\bAngular(?!\.?js)(?: ?[2-9]\d?)?\b/, released: '2016-09', source: 'Angular 2.0 final, 14 September 2016 (angular.io blog)' },
  { name: 'Kafka', pattern: /\bkafka\b/i, released: '2011-01', source: 'open-sourced by LinkedIn, January 2011 (kafka.apache.org)' },
  { name: 'Kotlin', pattern: /\bkotlin\b/i, released: '2011-07', source: 'unveiled by JetBrains at the JVM Language Summit, July 2011 (blog.jetbrains.com)' },
  { name: 'Rust', pattern: /\bRust\b/, released: '2012-01', source: 'Rust 0.1, 20 January 2012 (Mozilla announcement)' },
  { name: 'TypeScript', pattern: /\btypescript\b/i, released: '2012-10', source: 'TypeScript 0.8, 1 October 2012 (Microsoft announcement)' },
  { name: 'Elixir', pattern: /\belixir\b/i, released: '2012-05', source: 'Elixir 0.5, May 2012 (elixir-lang.org)' },
  { name: 'Docker', pattern: /\bdocker\b/i, released: '2013-03', source: 'first public demo and release, March 2013 (docker.com)' },
  { name: 'React', pattern: /\bReact(?! Native)(?:\.?js)?\b/, released: '2013-05', source: 'open-sourced at JSConf US, 29 May 2013 (react.dev blog)' },
  { name: 'Vue.js', pattern: /\bvue(?:\.?js)?\b/i, released: '2014-02', source: 'Vue.js 0.8, February 2014 (vuejs.org)' },
  { name: 'Kubernetes', pattern: /\bkubernetes\b|\bk8s\b/i, released: '2014-06', source: 'first public commit and announcement, June 2014 (kubernetes.io)' },
  { name: 'Swift', pattern: /\bSwift(?:UI)?\b(?! ?(?:code|transfer|payment|message|network|gpi))/, released: '2014-06', source: 'announced at WWDC, 2 June 2014 (developer.apple.com/swift)' },
  { name: 'Terraform', pattern: /\bterraform\b/i, released: '2014-07', source: 'Terraform 0.1, 28 July 2014 (hashicorp.com blog)' },
  { name: 'AWS Lambda', pattern: /\b(?:aws )?lambda functions?\b|\baws lambda\b/i, released: '2014-11', source: 'announced at re:Invent, 13 November 2014 (aws.amazon.com)' },
  { name: 'React Native', pattern: /\breact native\b/i, released: '2015-03', source: 'open-sourced, 26 March 2015 (reactnative.dev blog)' },
  { name: 'Apache Airflow', pattern: /\b(?:Apache )?Airflow\b/, released: '2015-06', source: 'open-sourced by Airbnb, June 2015 (airflow.apache.org project history)' },
  { name: 'GraphQL', pattern: /\bgraphql\b/i, released: '2015-07', source: 'specification and reference implementation published, July 2015 (graphql.org)' },
  { name: 'Solidity', pattern: /\bsolidity\b/i, released: '2015-07', source: 'Ethereum mainnet (Frontier), 30 July 2015: no Solidity contract could run before it (ethereum.org)' },
  { name: 'DeFi', pattern: /\bDeFi\b/, released: '2015-07', source: 'Ethereum mainnet (Frontier), 30 July 2015: decentralised finance runs on its smart contracts, so none existed before it (ethereum.org); "DeFi" names work from then on, decentralised exchanges of 2016 included' },
  { name: 'TensorFlow', pattern: /\btensorflow\b/i, released: '2015-11', source: 'open-sourced, 9 November 2015 (Google blog)' },
  { name: 'dbt', pattern: /\bdbt(?:-core)?\b/, released: '2016-03', source: 'first release of dbt (data build tool) by RJMetrics/Fishtown Analytics, 2016 (getdbt.com, "dbt: a brief history"); lower-case only, so DBT the therapy is not dbt' },
  { name: 'Kafka Streams', pattern: /\bkafka streams\b/i, released: '2016-05', source: 'shipped in Apache Kafka 0.10.0, May 2016 (kafka.apache.org)' },
  { name: 'PyTorch', pattern: /\bpytorch\b/i, released: '2016-09', source: 'first public release, 2016 (pytorch.org)' },
  { name: 'Next.js', pattern: /\bnext\.?js\b/i, released: '2016-10', source: 'Next.js 1.0, 25 October 2016 (vercel.com blog)' },
  { name: 'Svelte', pattern: /\bsvelte\b/i, released: '2016-11', source: 'first release, 26 November 2016 (svelte.dev blog)' },
  { name: 'Flutter', pattern: /\bflutter\b/i, released: '2017-05', source: 'alpha shown at Google I/O, May 2017 (flutter.dev)' },
  { name: 'Tailwind CSS', pattern: /\btailwind(?: ?css)?\b/i, released: '2017-11', source: 'v0.1.0, 1 November 2017 (tailwindcss.com blog)' },
  { name: 'DeFi lending', pattern: /\b(?:DeFi|decentrali[sz]ed)[- ]lending\b/i, released: '2017-12', source: 'MakerDAO’s Dai, the first decentralised lending protocol in use, launched on Ethereum on 18 December 2017 (makerdao.com)' },
  { name: 'Deno', pattern: /\bdeno\b/i, released: '2018-06', source: 'announced at JSConf EU, June 2018 (deno.com)' },
  { name: 'LLM-based tools', pattern: /\bLLM[- ](?:based|powered|driven|backed|agents?|apps?|applications?|pipelines?|tools?|tooling|chatbots?|features?|workflows?|evals?|evaluations?|inference|fine-?tuning)\b|\bLLMs\b|\bLLMOps\b/, released: '2018-06', source: 'GPT-1 (OpenAI, "Improving Language Understanding by Generative Pre-Training", 11 June 2018), the first generative pre-trained transformer; BERT followed in October 2018. Only "LLM" used as a technology ("LLM-based", "LLMs"), so an LLM (Tax) law degree is not it' },
  { name: 'GitHub Actions', pattern: /\bgithub actions\b/i, released: '2018-10', source: 'announced at GitHub Universe, 16 October 2018 (github.blog)' },
  { name: 'Hardhat', pattern: /\bHardhat\b/, released: '2019-01', source: 'released by Nomic Labs as Buidler in 2019 and renamed Hardhat in October 2020 (Nomic Foundation); dated from the earlier name, so a Buidler user who writes Hardhat is not flagged' },
  { name: 'SwiftUI', pattern: /\bSwiftUI\b/, released: '2019-06', source: 'announced at WWDC, 3 June 2019 (developer.apple.com)' },
  { name: 'Solana', pattern: /\bsolana\b/i, released: '2020-03', source: 'mainnet beta, 16 March 2020 (solana.com)' },
  { name: 'Vite', pattern: /\bvite(?:js)?\b/i, released: '2020-04', source: 'first release, April 2020 (vitejs.dev)' },
  { name: 'Jetpack Compose', pattern: /\bjetpack compose\b/i, released: '2021-07', source: 'Compose 1.0, 28 July 2021 (android-developers blog)' },
  { name: 'Bun', pattern: /\bBun(?:\.js)?\b(?= |,|$|\))/, released: '2022-07', source: 'public beta, 5 July 2022 (bun.sh blog)' },
  { name: 'LangChain', pattern: /\blangchain\b/i, released: '2022-10', source: 'first release, October 2022 (langchain.com)' },
  { name: 'ChatGPT', pattern: /\bchatgpt\b/i, released: '2022-11', source: 'launched 30 November 2022 (openai.com blog)' },
]
