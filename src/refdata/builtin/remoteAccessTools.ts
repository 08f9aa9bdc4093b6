/**
 * Remote-control software as it names itself in user agents, process names or identity-provider event
 * names (lower-case patterns). The products are those the advisories and vendors name: G1 (remote
 * collaboration applications, RDP 3389), V10 (Chrome Remote Desktop, AnyDesk), V12 (RMM tools).
 */
export const REMOTE_ACCESS_TOOLS_VERSION = '2026-11-24'
export const REMOTE_ACCESS_TOOLS_SOURCE = 'G1, V10, V12 for the products; each product’s own client/user-agent name'

export const REMOTE_ACCESS_TOOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/anydesk/, 'AnyDesk'],
  [/teamviewer/, 'TeamViewer'],
  [/chrome remote desktop|remotedesktop\.google|crd_host|chromoting/, 'Chrome Remote Desktop'],
  [/rustdesk/, 'RustDesk'],
  [/splashtop/, 'Splashtop'],
  [/screenconnect|connectwise control/, 'ConnectWise ScreenConnect'],
  [/logmein|gotomypc|goto resolve/, 'LogMeIn / GoTo'],
  [/parsec/, 'Parsec'],
  [/\bvnc\b|realvnc|tightvnc|ultravnc/, 'VNC'],
  [/pikvm|tinypilot|ip-?kvm/, 'IP-KVM'],
  [/remote_session|\brdp\b|mstsc|remote desktop/, 'Remote Desktop (RDP)'],
]
