import type { LanguageData } from "./types";

const SK_MONTHS = `január február marec apríl máj jún júl august september október november december januára
  februára marca apríla mája júna júla augusta septembra októbra novembra decembra`;
const CS_MONTHS = `leden únor březen duben květen červen červenec srpen září říjen listopad prosinec ledna
  února března dubna května června července srpna října listopadu prosince`;

export const sk: LanguageData = {
  titles: "p pí sl dr prof doc ing mudr mgr judr phdr rndr paeddr sv ul nám gen plk mjr kpt",
  beforeNumber: "č s str t odst ods písm tel čl roč",
  abbreviations: `atď atp napr tzv tj resp cca max min mil mld tis sk km kg hod sek spol stor zák vyd zb
    pozn príp popr tzn ev angl nem lat jan feb mar apr aug sep okt nov dec`,
  starters: `to ten tá tie on ona ono oni my ja vy ty ale a v na po s z do ako že keď ak tak už tam tu dnes
    včera však pri pred jeho jej ich môj náš toto tento táto tieto`,
  months: SK_MONTHS,
  dottedOrdinals: true,
};

export const cs: LanguageData = {
  titles: "p pí sl dr prof doc ing mudr mgr judr phdr rndr sv ul nám gen plk mjr kpt",
  beforeNumber: "č s str t odst písm tel čl roč",
  abbreviations: `atd atp apod např tzv tj resp cca max min mil mld tis kč km kg hod sek spol stol zák vyd
    sb pozn popř tzn ev angl něm lat led úno bře dub kvě čvn čvc srp zář říj lis pro`,
  starters: `to ten ta ty on ona ono oni my já vy ale a v na po s z do jak že když pokud tak už tam tady
    dnes včera však při před jeho její jejich můj náš toto tento tato tyto`,
  months: CS_MONTHS,
  dottedOrdinals: true,
};

export const pl: LanguageData = {
  titles: "p pp dr prof mgr inż ks gen płk mjr kpt por hab św ul al pl os",
  beforeNumber: "nr s str t art ust pkt rozdz poz tel godz",
  abbreviations: `itd itp np m.in tj tzw ok ds r rr w ww zob wg tys mln mld zł gr km kg min sty lut mar kwi
    cze lip sie wrz paź lis gru ang niem łac fr ros bałt hist geogr przym rzecz czas`,
  starters: `to ten ta te on ona ono oni one my ja wy ty ale i a w na po z do jak że gdy jeśli tak już tam
    tu dziś dzisiaj wczoraj jednak przy przed jego jej ich mój nasz`,
  months: `stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada
    grudnia styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień`,
  dottedOrdinals: true,
};

export const sl: LanguageData = {
  titles: "g ga dr prof",
  beforeNumber: "št str tel čl",
  abbreviations: "itd npr tj oz idr mio mrd jan feb mar apr avg sep okt nov dec",
  starters: "to ta ti on ona ono oni mi jaz vi ampak in a v na po z do ko če tako že tam tu danes",
  dottedOrdinals: true,
};

export const hr: LanguageData = {
  titles: "g gđa gđica dr prof sv",
  beforeNumber: "br str tel čl",
  abbreviations: "itd npr tj tzv mil mlrd sij velj ožu tra svi lip srp kol ruj lis stu pro",
  starters:
    "to ta ti on ona ono oni mi ja vi ali i a u na po s z do kad ako tako već tamo tu danas",
  dottedOrdinals: true,
};
