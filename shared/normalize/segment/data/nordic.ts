import type { LanguageData } from "./types";

export const da: LanguageData = {
  titles: "hr fru frk dr prof skt sankt",
  beforeNumber: "nr s stk tlf kap pkt",
  abbreviations: `bl.a ca f.eks m.h.t osv evt inkl ekskl ang vedr mv m.v mfl m.fl jf kl kr mio mia mrd p.g.a pga
    d.v.s dvs el o.l ø.l ml adr afd alm ark bd ds dgl e.kr f.kr gl jan feb mar apr jun jul aug sep sept okt
    nov dec`,
  starters: `de det den der dette disse denne jeg du han hun vi man men og så nu da når hvis hvad hvor hvem
    hvorfor hvordan hvilken efter før mens også her`,
  months: "januar februar marts april maj juni juli august september oktober november december",
  dottedOrdinals: true,
};

export const nb: LanguageData = {
  titles: "hr fru frk dr prof st",
  beforeNumber: "nr s kap pkt tlf",
  abbreviations: `bl.a ca f.eks mht osv evt inkl ekskl kl kr mill mrd jf pga dvs o.l mv m.m f.kr e.kr jan feb
    mar apr jun jul aug sep sept okt nov des`,
  starters: `de det den der dette disse denne jeg du han hun vi man men og så nå da når hvis hva hvor hvem
    hvorfor hvordan etter før mens også her`,
  months: "januar februar mars april mai juni juli august september oktober november desember",
  dottedOrdinals: true,
};

export const sv: LanguageData = {
  titles: "hr fru dr prof st",
  beforeNumber: "nr s kap tel",
  abbreviations: `bl.a ca t.ex m.m osv resp inkl exkl kl kr milj mdr jfr pga dvs f.d fr.o.m t.o.m m.fl
    f.kr e.kr jan feb mar apr jun jul aug sep sept okt nov dec`,
  starters: `de det den där denna dessa detta jag du han hon vi man men och så nu då när om vad var vem
    varför hur efter före medan också här`,
};

export const fi: LanguageData = {
  titles: "tri prof",
  beforeNumber: "nro s puh",
  abbreviations:
    "esim ns ks mm jne yms n ts eaa jaa milj mrd klo tammik helmik maalisk huhtik toukok kesäk",
  starters: "se he hän me minä sinä te tämä tuo nämä mutta ja tai kun jos niin nyt siellä täällä",
  dottedOrdinals: true,
};
