import type { LanguageData } from "./types";

export const nl: LanguageData = {
  titles: "dhr mevr mw dr drs ir prof mr ing st",
  beforeNumber: "nr blz art hfst tel p pag",
  abbreviations: `bijv bv b.v enz etc ca d.w.z m.a.w o.a t.a.v aanw vnw vgl evt incl excl jl a.s mln mld
    jan feb mrt apr jun jul aug sep sept okt nov dec`,
  starters: `de het een die dat deze dit hij zij ze wij we ik jij je u hun haar zijn maar en of dus toen
    dan ook er in op bij met voor na als wanneer waar wat wie hoe waarom`,
};

export const de: LanguageData = {
  titles: "hr hrn fr frl dr prof dipl ing st",
  beforeNumber: "nr s abs art bd kap tel fax ziff lit",
  abbreviations: `bzw ca usw ggf vgl resp evtl inkl exkl jh jhd mio mrd tsd str sog bspw z.b d.h u.a o.ä v.a
    zzgl abzgl geb gest verh allg bes bzgl dgl gem hl jmd lt mind nachm vorm od rd sen jun spez tägl urspr usf
    verw zit zzt z.t akad abt dt engl frz ital lat griech ev kath gegr gez hrsg u.ä u.u o.g s.o s.u i.d.r
    jan feb mär apr jun jul aug sep sept okt nov dez`,
  starters: `der die das dem den des ein eine einer eines er sie es wir ich du ihr man aber und oder denn doch
    dann dort da hier heute jetzt nun auch so als wenn wie was wer wo warum weil dies diese dieser dieses
    jedoch zudem außerdem trotzdem deshalb daher im am nach bei mit für von vor zum zur auf seit unter über
    während sein seine ihre mein meine unser unsere`,
  months: `januar jänner februar märz april mai juni juli august september oktober november dezember jan feb
    mär apr jun jul aug sep sept okt nov dez`,
  dottedOrdinals: true,
};
