extension PromptLexicon {
    /// Every entry: phrases separated by `|`, and what each contributes.
    static let entries: [(String, [LexiconEffect])] = contrastEntries + currencyEntries + synonymEntries

    /// Values of the contrast dimensions, negations and "from … to" markers.
    static let contrastEntries: [(String, [LexiconEffect])] = [
        // Sort order.
        (
            "ascending|asc|increasing|ascending order|oldest first|earliest first|soonest first|nearest first|lowest first|"
                + "smallest first|cheapest first|lowest to highest|smallest to largest|low to high|least to most|a to z|from a to z|"
                + "alphabetically|alphabetical|alphabetical order|chronological|chronologically|chronological order|oldest to newest|"
                + "earliest to latest|ascendente|ascendentemente|creciente|orden ascendente|de menor a mayor|de la mas antigua a la mas reciente|"
                + "del mas antiguo al mas reciente|alfabeticamente|orden alfabetico", [.contrast(.sortOrder, "ascending")]
        ),
        (
            "descending|desc|decreasing|descending order|newest first|latest first|most recent first|highest first|largest first|"
                + "biggest first|most expensive first|highest to lowest|largest to smallest|high to low|most to least|z to a|"
                + "from z to a|reverse alphabetical|reverse alphabetical order|reverse chronological|reverse chronological order|"
                + "newest to oldest|latest to earliest|descendente|descendentemente|decreciente|orden descendente|de mayor a menor|"
                + "de la mas reciente a la mas antigua|del mas reciente al mas antiguo", [.contrast(.sortOrder, "descending")]
        ),
        // Position in a sequence.
        (
            "first|=leading|beginning|start|initial|earliest|oldest|primer|primero|primera|primeros|primeras|inicial|inicio|"
                + "mas antiguo|mas antigua|mas antiguos|mas antiguas", [.contrast(.position, "first")]
        ),
        ("top", [.contrast(.position, "first"), .contrast(.extreme, "maximum"), .contrast(.aggregate, "maximum")]),
        ("most|highest number of|largest number of", [.contrast(.extreme, "maximum"), .contrast(.aggregate, "maximum")]),
        ("fewest|least number of|lowest number of", [.contrast(.extreme, "minimum"), .contrast(.aggregate, "minimum")]),
        (
            "last|final|bottom|trailing|end|latest|newest|most recent|recent|ultimo|ultima|ultimos|ultimas|fin|final|"
                + "mas reciente|mas recientes|mas nuevo|mas nueva", [.contrast(.position, "last")]
        ),
        // Extreme values.
        (
            "max|maximum|largest|biggest|highest|greatest|most expensive|maximo|maxima|mayor|mas alto|mas alta|mas grande|"
                + "mas caro|mas cara", [.contrast(.extreme, "maximum"), .contrast(.aggregate, "maximum")]
        ),
        (
            "min|minimum|smallest|lowest|least|cheapest|minimo|minima|menor|mas bajo|mas baja|mas pequeno|mas pequena|"
                + "mas barato|mas barata", [.contrast(.extreme, "minimum"), .contrast(.aggregate, "minimum")]
        ),
        // Comparison operators.
        (
            ">|greater than|more than|larger than|bigger than|higher than|over|above|exceed|rise above|go above|goes above|"
                + "in excess of|older than|mayor que|"
                + "mayor a|mas de|mas que|supera|superan|superior a|superiores a|por encima de|excede|exceden", [.contrast(.comparison, ">")]
        ),
        (
            ">=|≥|=>|at least|or more|or greater|or higher|or above|or over|greater than or equal to|more than or equal to|"
                + "greater or equal to|no less than|not less than|a minimum of|al menos|como minimo|o mas|mayor o igual que|"
                + "mayor o igual a", [.contrast(.comparison, ">=")]
        ),
        (
            "<|less than|fewer than|smaller than|lower than|below|under|beneath|fall below|fall under|drop below|drop under|"
                + "dip below|go below|goes below|newer than|younger than|menor que|menor a|"
                + "menos de|menos que|por debajo de|inferior a|inferiores a", [.contrast(.comparison, "<")]
        ),
        (
            "<=|≤|=<|at most|or less|or fewer|or lower|or below|or under|up to|no more than|not more than|"
                + "less than or equal to|a maximum of|como maximo|o menos|menor o igual que|menor o igual a", [.contrast(.comparison, "<=")]
        ),
        ("=|==|equal to|equals|equal|exactly|is equal to|igual a|igual que", [.contrast(.comparison, "=")]),
        ("!=|≠|<>|not equal to|not equal|unequal|different from|distinto de|diferente de|no igual", [.contrast(.comparison, "!=")]),
        ("between|entre", [.contrast(.comparison, "between")]),
        ("within", [.contrast(.comparison, "within")]),
        (
            "in the last|within the last|within the past|in the past|over the last|over the past|during the last|during the past|"
                + "en los ultimos|en las ultimas|durante los ultimos|durante las ultimas",
            [.contrast(.comparison, "within"), .contrast(.timing, "before")]
        ),
        (
            "in the next|within the next|over the next|during the next|in the coming|within the coming|en los proximos|"
                + "en las proximas|durante los proximos", [.contrast(.comparison, "within"), .contrast(.timing, "after")]
        ),
        ("negative|negativo|negativa", [.contrast(.comparison, "<"), .number(0, weak: false)]),
        ("positive|positivo|positiva", [.contrast(.comparison, ">"), .number(0, weak: false)]),
        // Aggregates.
        (
            "sum|add up|sum up|total up|summation|total|grand total|sum of|sumar|suma|totaliza|totalizar|totales|importe total",
            [.contrast(.aggregate, "sum")]
        ),
        (
            "running total|running sum|cumulative sum|cumulative total|suma acumulada|total acumulado",
            [.contrast(.aggregate, "cumulative sum")]
        ),
        ("average|mean|avg|promedio|media|promedia", [.contrast(.aggregate, "average")]),
        ("median|mediana", [.contrast(.aggregate, "median")]),
        (
            "count|number of|how many|tally|count of|total number of|total count of|numero total de|cuenta|contar|cuantos|"
                + "cuantas|numero de|cantidad de",
            [.contrast(.aggregate, "count")]
        ),
        ("standard deviation|std|stdev|std dev|desviacion estandar|desviacion tipica", [.contrast(.aggregate, "standard deviation")]),
        ("variance|varianza", [.contrast(.aggregate, "variance")]),
        // Data actions.
        (
            "read|extract|get|fetch|retrieve|obtain|pull|pull out|pick|pick out|grab|parse|find|return|list|show|display|look up|lookup|search|"
                + "search for|query|select|filter|filter for|keep|keep only|only keep|retain|collect|give|give me|provide|output|"
                + "detect|identify|recognize|what is|what are|extrae|extraer|obten|obtener|saca|sacar|busca|buscar|encuentra|"
                + "encontrar|devuelve|devolver|lista|listar|muestra|mostrar|dame|consulta|consultar|selecciona|seleccionar|filtra|"
                + "filtrar|quedate con|quedate solo con|conserva|conservar|manten|mantener|recupera|recuperar|detecta|identifica|"
                + "lee|leer|open|abre|abrir",
            [.contrast(.action, "read")]
        ),
        (
            "insert|save|store|write|append|persist|put|load into|inserta|insertar|guarda|guardar|almacena|almacenar|escribe|"
                + "escribir", [.contrast(.action, "insert")]
        ),
        // "Add" inserts a row or adds a number; "create" is the C of create/read/update/delete.
        ("add|agrega|agregar|anade|anadir", [.contrast(.action, "insert"), .contrast(.arithmetic, "add")]),
        ("create|generate|build|produce|crea|crear|genera|generar", [.term("get"), .contrast(.action, "insert")]),
        (
            "update|modify|change|edit|set|adjust|amend|alter|actualiza|actualizar|modifica|modificar|cambia|cambiar|establece|"
                + "establecer|edita|editar|ajusta|ajustar", [.contrast(.action, "update")]
        ),
        (
            "delete|deletion|remove|removal|drop|erase|erasure|wipe|wipe out|purge|clear|get rid of|filter out|discard|strip|"
                + "borra|borrar|elimina|eliminar|quita|quitar|suprime|suprimir|descarta|descartar", [.contrast(.action, "delete")]
        ),
        // An upsert is its own change: code that only inserts fails on a row that exists.
        ("upsert|insert or update", [.contrast(.action, "upsert")]),
        ("trim|recorta|recortar", [.contrast(.action, "delete"), .term("whitespace")]),
        ("deduplicate|dedupe|dedup|deduplica|deduplicar", [.contrast(.action, "delete"), .term("duplicate")]),
        // Transfers.
        ("import|importa|importar|load from", [.contrast(.transfer, "import")]),
        ("export|exporta|exportar|dump", [.contrast(.transfer, "export")]),
        ("upload|sube|subir", [.contrast(.transfer, "upload")]),
        ("download|descarga|descargar", [.contrast(.transfer, "download")]),
        // Time relations and movement.
        (
            "before|prior to|until|till|earlier than|back|backward|backwards|antes|antes de|hasta que",
            [.contrast(.timing, "before")]
        ),
        ("after|since|later than|once|afterwards|despues|despues de|desde que|tras", [.contrast(.timing, "after")]),
        // Calendar periods: the unit stays a term, so "last month" and "last year" differ too.
        ("yesterday|ayer", [.contrast(.period, "previous"), .term("day")]),
        ("today|hoy", [.contrast(.period, "current"), .term("day")]),
        ("tomorrow|manana", [.contrast(.period, "next"), .term("day")]),
        ("last week|previous week|prior week|semana pasada", [.contrast(.period, "previous"), .term("day"), .number(7, weak: true)]),
        ("this week|current week|esta semana", [.contrast(.period, "current"), .term("day"), .number(7, weak: true)]),
        ("next week|coming week|following week|proxima semana", [.contrast(.period, "next"), .term("day"), .number(7, weak: true)]),
        ("last month|previous month|prior month|mes pasado|mes anterior", [.contrast(.period, "previous"), .term("month")]),
        ("this month|current month|este mes|mes actual|mes en curso", [.contrast(.period, "current"), .term("month")]),
        ("next month|coming month|following month|proximo mes|mes siguiente", [.contrast(.period, "next"), .term("month")]),
        ("last quarter|previous quarter|prior quarter|trimestre pasado|trimestre anterior", [.contrast(.period, "previous"), .term("quarter")]),
        ("this quarter|current quarter|este trimestre|trimestre actual", [.contrast(.period, "current"), .term("quarter")]),
        ("next quarter|coming quarter|following quarter|proximo trimestre", [.contrast(.period, "next"), .term("quarter")]),
        ("last year|previous year|prior year|ano pasado|ano anterior", [.contrast(.period, "previous"), .term("year")]),
        ("this year|current year|este ano|ano actual|ano en curso", [.contrast(.period, "current"), .term("year")]),
        ("next year|coming year|following year|proximo ano|ano siguiente", [.contrast(.period, "next"), .term("year")]),
        ("forward|send on|pass on|reenvia|reenviar", [.contrast(.timing, "after"), .term("forward")]),
        ("up|round up|up to the nearest|upwards|ceil|ceiling|hacia arriba", [.contrast(.vertical, "up")]),
        ("down|round down|down to the nearest|downwards|floor|hacia abajo", [.contrast(.vertical, "down")]),
        // Arithmetic.
        ("plus", [.contrast(.arithmetic, "add")]),
        (
            "subtract|minus|deduct|difference|difference between|resta|restar|diferencia|diferencia entre",
            [.contrast(.arithmetic, "subtract")]
        ),
        ("multiply|multiplied|multiplica|multiplicar", [.contrast(.arithmetic, "multiply")]),
        ("divide by|divided by|divide entre|dividido entre|dividir entre", [.contrast(.arithmetic, "divide")]),
        // Text case.
        ("lowercase|lower case|to lower|minuscula|minusculas|en minusculas", [.contrast(.letterCase, "lower")]),
        ("uppercase|upper case|capital letters|all caps|mayuscula|mayusculas|en mayusculas", [.contrast(.letterCase, "upper")]),
        ("title case|capitalize|capitalise", [.contrast(.letterCase, "title")]),
        // Encodings.
        ("encrypt|cifra|cifrar|encripta|encriptar", [.contrast(.encoding, "encrypt")]),
        ("decrypt|descifra|descifrar|desencripta|desencriptar", [.contrast(.encoding, "decrypt")]),
        ("encode|codifica|codificar", [.contrast(.encoding, "encode")]),
        ("decode|decodifica|decodificar", [.contrast(.encoding, "decode")]),
        ("compress|comprime|comprimir", [.contrast(.encoding, "compress")]),
        ("decompress|unzip|uncompress|descomprime|descomprimir", [.contrast(.encoding, "decompress")]),
        // Structure.
        (
            "split|separate|break|break into|break up|break down|divide|divide into|separa|separar|dividir|partir",
            [.contrast(.structure, "split")]
        ),
        (
            "join|merge|combine|concatenate|concat|une|unir|combina|combinar|fusiona|fusionar|junta|juntar",
            [.contrast(.structure, "join")]
        ),
        // Net or gross amounts.
        (
            "net|net amount|subtotal|sub total|excluding vat|excluding tax|excl vat|without vat|without tax|before tax|"
                + "before taxes|pre tax|net of vat|exclude the vat|exclude vat|neto|base imponible|sin iva|sin impuestos",
            [.contrast(.amountBasis, "net")]
        ),
        (
            "gross|gross amount|including vat|including tax|incl vat|with vat|with tax|after tax|after taxes|include the vat|"
                + "include vat|vat included|bruto|con iva|iva incluido", [.contrast(.amountBasis, "gross")]
        ),
        // Consent.
        ("opt in|opted in|opts in|subscribe|suscrito|suscrita", [.contrast(.consent, "opted in")]),
        ("opt out|opted out|opts out|unsubscribe|dado de baja|dada de baja", [.contrast(.consent, "opted out")]),
        // Negations, and alternations that only look like one.
        (
            "not|no|non|never|none|without|lacking|lack|absent|exclude|excluding|except|other than|nor|neither|sin|"
                + "nunca|ningun|ninguno|ninguna|excepto|salvo|falta|faltan", [.negation]
        ),
        ("or not|whether or not|o no", []),
        // "from … to" spans.
        ("from|desde", [.from]),
        ("to|into|onto|->|→|hasta", [.to]),
    ]

    /// Currencies by name, sign and code.
    static let currencyEntries: [(String, [LexiconEffect])] = [
        ("eur|euro|€", [.currency("EUR")]),
        ("usd|dollar|us dollar|$|us$|dolar", [.currency("USD")]),
        ("gbp|pound|pound sterling|sterling|£|libra|libra esterlina", [.currency("GBP")]),
        ("jpy|yen|¥", [.currency("JPY")]),
        ("chf|swiss franc|franco suizo", [.currency("CHF")]),
        ("mxn|mexican peso|peso mexicano", [.currency("MXN")]),
        ("cad|canadian dollar|dolar canadiense", [.currency("CAD")]),
        ("aud|australian dollar|dolar australiano", [.currency("AUD")]),
        ("cny|yuan|renminbi|rmb", [.currency("CNY")]),
        ("inr|rupee", [.currency("INR")]),
        ("ars|peso argentino", [.currency("ARS")]),
        ("clp|peso chileno", [.currency("CLP")]),
        ("brl|real brasileno", [.currency("BRL")]),
    ]
}
