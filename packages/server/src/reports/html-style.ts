/** The report's stylesheet: inline (no external resources), A4 print rules, page breaks, watermark. */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
  color: #1a1a1a; line-height: 1.5; margin: 0 auto; max-width: 190mm; padding: 12px; font-size: 11pt; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 13pt; border-bottom: 2px solid #0072B2; padding-bottom: 2px; margin: 18px 0 8px; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12px 0 4px; break-after: avoid; }
.audience { color: #555; font-size: 10pt; }
dl.person { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 12px; margin: 8px 0; }
dl.person dt { font-weight: 600; } dl.person dd { margin: 0; }
.banner { border: 2px solid #b00020; color: #b00020; background: #fff4f4; padding: 6px 10px; font-weight: 700; margin: 8px 0; }
.status-final { border: 1px solid #2e7d32; background: #f1f8f1; padding: 6px 10px; margin: 8px 0; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 72pt; font-weight: 700;
  color: rgba(176, 0, 32, 0.12); transform: rotate(-30deg); pointer-events: none; z-index: 0; }
ul.findings { list-style: none; padding: 0; margin: 0; }
ul.findings li { border-left: 4px solid #999; padding: 4px 8px; margin: 6px 0; break-inside: avoid; }
ul.findings li.severity-critical { border-color: #b00020; } ul.findings li.severity-high { border-color: #D55E00; }
ul.findings li.severity-moderate { border-color: #E69F00; } ul.findings li.severity-low { border-color: #0072B2; }
.finding-title { font-weight: 700; } .finding-reason { margin: 0; } .finding-source, .finding-evidence { color: #555; font-size: 9pt; margin: 0; }
.tag { display: inline-block; font-size: 8.5pt; padding: 0 5px; border-radius: 3px; margin-left: 6px; background: #eee; }
.tag-urgent { background: #b00020; color: #fff; } .tag-added { background: #e3f2fd; }
li.rejected del { color: #777; } .rejected-reason { font-size: 9pt; color: #555; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 10pt; break-inside: auto; }
caption { text-align: left; font-weight: 600; padding: 2px 0; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { background: #f2f5f8; } tr { break-inside: avoid; }
td.abnormal { color: #b00020; font-weight: 600; }
figure.trend { margin: 10px 0; break-inside: avoid; } figure.trend figcaption { font-size: 9.5pt; color: #333; }
section.trends { break-before: page; }
footer { margin-top: 20px; font-size: 9pt; color: #555; border-top: 1px solid #ccc; padding-top: 6px; }
@media print { body { padding: 0; max-width: none; } .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;
