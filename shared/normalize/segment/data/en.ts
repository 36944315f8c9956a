import type { LanguageData } from "./types";

/**
 * What every language's text shares with English: international company suffixes, "Dr." and "Prof.",
 * numbering, and the English sentence openers (English quotes and names turn up in news in any language).
 * Kept to words that are not ordinary words elsewhere: "det" and "hon" end Danish and Swedish sentences.
 */
export const international: LanguageData = {
  titles: "mr mrs ms dr prof",
  beforeNumber: "no nos nr n° nº vol p pp fig tel ca",
  abbreviations: "inc ltd co corp plc llc bros jr st mt",
  starters: `the a an this that these those there then he she it its they we i you his her their our my but
    and or so yet in on at for from with after before when while as if although though however meanwhile
    also some many most both all not what why how who where mr mrs ms dr`,
  capitalizedStarters: `did do does is are was were can could would should has have had each every today
    yesterday now here since because until during`,
};

/** English. */
export const en: LanguageData = {
  titles: `messrs mssrs gen lt col capt cpt cmdr cdr maj sgt cpl pte adm brig sen rep reps gov pres supt insp
    det rev revd hon fr atty attys surg lieut amb rt`,
  beforeNumber: `nrs vols figs art arts ch chap sec secs para paras ext op num pt pts ed eds ref refs app apt
    apts rm ord`,
  abbreviations: `sr etc vs approx dept est govt assn assoc univ ste ft ave blvd rd hwy jan feb apr jun jul
    aug sep sept oct nov dec mon tue tues wed thu thur thurs fri cf al viz ibid misc min max hr hrs sq mi km
    kg lb lbs oz yd yds mph div gal mfg natl intl bldg ct mgr yr yrs wk wks mo mos tbsp tsp ret exec hosp
    dist esp`,
};
