/**
 * Denmark's 98 municipalities with their codes (kommunekode) and rounded populations (thousands,
 * Danmarks Statistik, early 2025). The generator sizes each municipality's data by its population,
 * so Copenhagen is the largest and Læsø the smallest.
 */
export interface MunicipalityInfo {
  code: string;
  name: string;
  /** Inhabitants, in thousands. */
  population: number;
}

const LIST: [string, string, number][] = [
  ['101', 'København', 667],
  ['147', 'Frederiksberg', 104],
  ['151', 'Ballerup', 52],
  ['153', 'Brøndby', 36],
  ['155', 'Dragør', 14],
  ['157', 'Gentofte', 75],
  ['159', 'Gladsaxe', 70],
  ['161', 'Glostrup', 24],
  ['163', 'Herlev', 30],
  ['165', 'Albertslund', 28],
  ['167', 'Hvidovre', 54],
  ['169', 'Høje-Taastrup', 58],
  ['173', 'Lyngby-Taarbæk', 57],
  ['175', 'Rødovre', 41],
  ['183', 'Ishøj', 24],
  ['185', 'Tårnby', 44],
  ['187', 'Vallensbæk', 17],
  ['190', 'Furesø', 42],
  ['201', 'Allerød', 26],
  ['210', 'Fredensborg', 41],
  ['217', 'Helsingør', 64],
  ['219', 'Hillerød', 54],
  ['223', 'Hørsholm', 25],
  ['230', 'Rudersdal', 57],
  ['240', 'Egedal', 44],
  ['250', 'Frederikssund', 46],
  ['253', 'Greve', 51],
  ['259', 'Køge', 62],
  ['260', 'Halsnæs', 32],
  ['265', 'Roskilde', 90],
  ['269', 'Solrød', 24],
  ['270', 'Gribskov', 42],
  ['306', 'Odsherred', 33],
  ['316', 'Holbæk', 73],
  ['320', 'Faxe', 38],
  ['326', 'Kalundborg', 49],
  ['329', 'Ringsted', 35],
  ['330', 'Slagelse', 80],
  ['336', 'Stevns', 23],
  ['340', 'Sorø', 30],
  ['350', 'Lejre', 29],
  ['360', 'Lolland', 40],
  ['370', 'Næstved', 84],
  ['376', 'Guldborgsund', 60],
  ['390', 'Vordingborg', 45],
  ['400', 'Bornholm', 39],
  ['410', 'Middelfart', 40],
  ['420', 'Assens', 41],
  ['430', 'Faaborg-Midtfyn', 52],
  ['440', 'Kerteminde', 24],
  ['450', 'Nyborg', 33],
  ['461', 'Odense', 207],
  ['479', 'Svendborg', 59],
  ['480', 'Nordfyns', 29],
  ['482', 'Langeland', 12],
  ['492', 'Ærø', 6],
  ['510', 'Haderslev', 55],
  ['530', 'Billund', 27],
  ['540', 'Sønderborg', 74],
  ['550', 'Tønder', 37],
  ['561', 'Esbjerg', 116],
  ['563', 'Fanø', 3.5],
  ['573', 'Varde', 50],
  ['575', 'Vejen', 43],
  ['580', 'Aabenraa', 58],
  ['607', 'Fredericia', 52],
  ['615', 'Horsens', 98],
  ['621', 'Kolding', 95],
  ['630', 'Vejle', 122],
  ['657', 'Herning', 90],
  ['661', 'Holstebro', 59],
  ['665', 'Lemvig', 19],
  ['671', 'Struer', 21],
  ['706', 'Syddjurs', 44],
  ['707', 'Norddjurs', 37],
  ['710', 'Favrskov', 50],
  ['727', 'Odder', 24],
  ['730', 'Randers', 99],
  ['740', 'Silkeborg', 100],
  ['741', 'Samsø', 3.7],
  ['746', 'Skanderborg', 64],
  ['751', 'Aarhus', 367],
  ['756', 'Ikast-Brande', 42],
  ['760', 'Ringkøbing-Skjern', 56],
  ['766', 'Hedensted', 47],
  ['773', 'Morsø', 20],
  ['779', 'Skive', 46],
  ['787', 'Thisted', 43],
  ['791', 'Viborg', 98],
  ['810', 'Brønderslev', 36],
  ['813', 'Frederikshavn', 58],
  ['820', 'Vesthimmerlands', 36],
  ['825', 'Læsø', 1.7],
  ['840', 'Rebild', 31],
  ['846', 'Mariagerfjord', 42],
  ['849', 'Jammerbugt', 38],
  ['851', 'Aalborg', 222],
  ['860', 'Hjørring', 64],
];

export const MUNICIPALITIES: readonly MunicipalityInfo[] = LIST.map(([code, name, population]) => ({
  code,
  name,
  population,
}));

export const TOTAL_POPULATION = MUNICIPALITIES.reduce((sum, m) => sum + m.population, 0);

/** The largest municipality (the measured one of the national run) and a mid-sized one (embedded). */
export const LARGEST = '101';
export const MID_SIZED = '316';

export function municipalityByCode(code: string): MunicipalityInfo {
  const found = MUNICIPALITIES.find((m) => m.code === code);
  if (!found) throw new Error(`No municipality ${code}`);
  return found;
}
