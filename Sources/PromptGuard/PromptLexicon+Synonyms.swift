extension PromptLexicon {
    /// Content words grouped by meaning in the invoice, email, spreadsheet and database domain: each group becomes one
    /// canonical term, so that paraphrases compare equal and a swapped field or entity stands out.
    static let synonymEntries: [(String, [LexiconEffect])] = [
        // Verbs.
        (
            "compute|calculate|determine|work out|figure out|computa|calcula|calcular|determina|make|haz|hacer", [.term("get")]
        ),
        (
            "convert|cast|transform|turn into|turn|change into|normalize|normalise|standardize|standardise|reformat|format|"
                + "convierte|convertir|transforma|transformar|normaliza|normalizar|formatea|formatear", [.term("convert")]
        ),
        (
            "=mentioned|=contained|=found|=present|=listed|=shown|=stated|=written|=given|=provided|=specified|=corresponding|"
                + "=respective|=relevant|=current|=appropriate|=resulting|=mencionado|=indicado|=correspondiente", [.term("filler")]
        ),
        (
            "check|verify|validate|confirm that|ensure|make sure|test whether|test if|determine if|determine whether|see if|"
                + "see whether|look up whether|look up if|find out whether|find out if|comprueba|comprobar|verifica|verificar|"
                + "validar|asegura|asegurate",
            [.term("check")]
        ),
        (
            "valid|well formed|properly formatted|correctly formatted|valid format|correct format|valido|validos|validas",
            [.term("valid")]
        ),
        (
            "send|post|dispatch|deliver|transmit|reply|respond|answer|email back|write back|reply back|get back to|envia|"
                + "enviar|manda|mandar|responde|responder|contesta|contestar", [.term("send")]
        ),
        ("notify|notification|alert|notifica|notificar|aviso|avisa|avisar", [.term("send")]),
        ("email out|mail out|send out", [.term("send"), .term("email")]),
        (
            "receive|receipt of|got|arrive|come in|comes in|recibe|recibir|recibimos|recibido|recibida|recepcion|llega|llegan",
            [.term("receive")]
        ),
        (
            "confirming receipt|confirm receipt|acknowledge receipt|acknowledging receipt|confirming reception",
            [.term("confirm"), .term("receive")]
        ),
        ("confirm|confirmation|acknowledge|confirma|confirmar|confirmando|confirmacion", [.term("confirm")]),
        ("classify|categorize|categorise|decide whether|decide if|clasifica|clasificar", [.term("classify")]),
        ("sort|sort by|arrange|rank|ordena|ordenar", [.term("sort")]),
        ("group|group by|grouped by|grouping|agrupa|agrupar|agrupado", [.term("group")]),
        (
            "mark|flag|highlight|tag|colour|color|resalta|resaltar|marca|marcar|destaca|destacar|senala|colorea|colorear",
            [.contrast(.action, "update"), .term("mark")]
        ),
        // "Substitute A for B" puts A in B's place, the other way round from "replace A with B": no direction.
        ("fill|fill in|substitute|rellena|rellenar", [.contrast(.action, "update")]),
        ("replace|swap|reemplaza|reemplazar|sustituye|sustituir", [.contrast(.action, "update"), .replacement]),
        ("skip|ignore|omit|bypass|salta|saltar|ignora|ignorar|omite|omitir", [.term("skip")]),
        // "Archive" is a verb as the first word (see ``imperatives``) and a noun elsewhere ("the archive table").
        ("archive", [.term("archive")]),
        ("archiva|archivar", [.contrast(.action, "move"), .term("archive")]),
        ("move|mueve|mover|transfer|transferir", [.contrast(.action, "move")]),
        ("copy|copia|copiar", [.term("copy")]),
        ("compare|compara|comparar|diff", [.term("compare")]),
        ("rename|change the name of|change the name|renombra|renombrar", [.term("rename")]),
        ("summary|summarize|summarise|summarization|resumen|resume|resumir", [.term("summary")]),
        ("translate|translation|traduce|traducir|traduccion", [.term("translate")]),
        ("round|rounding|redondea|redondear", [.term("round")]),
        ("truncate|cut off|trunca|truncar", [.term("truncate")]),
        ("remind|reminder|recordatorio|recuerda", [.term("reminder")]),
        ("exist|existing|registered|already exists|existe|existen|ya existe", [.term("exist")]),
        (
            "contain|include|mention|talk about|speak about|refer to|contiene|contienen|incluye|incluyen|menciona|mencionan",
            [.term("contain")]
        ),
        ("request|ask|ask for|solicita|solicitar|pide|pedir", [.term("request")]),
        // Where an email comes from: "emails that come from X" and "emails sent by X" are "emails from X".
        ("come from|comes from|came from|sent from|sent by|originate from|originating from|procedente de", [.from]),
        // Email.
        ("email|e mail|mail|message|correo|mensaje|correo electronico", [.term("email")]),
        (
            "sender|sent|whoever sent|who sent|person who sent|from address|from field|from header|sender address|remitente|emisor",
            [.term("sender")]
        ),
        ("recipient|receiver|addressee|to address|to field|to header|recipient address|destinatario", [.term("recipient")]),
        ("reply to address|reply to header|reply to field", [.term("reply-to")]),
        ("attachment|attached|attach|adjunto|adjunta|archivo adjunto", [.term("attachment")]),
        ("subject|subject line|asunto", [.term("subject")]),
        ("body|cuerpo", [.term("body")]),
        ("signature|firma", [.term("signature")]),
        ("header|cabecera|encabezado", [.term("header")]),
        ("inbox|mailbox|bandeja de entrada|buzon", [.term("inbox")]),
        // "Return" is a verb ("… and return them"); "returns" after the first word are the goods sent back.
        ("=returns", [.term("return")]),
        ("folder|carpeta", [.term("folder")]),
        // Documents and entities.
        ("invoice|bill|factura", [.term("invoice")]),
        ("receipt|recibo", [.term("receipt")]),
        ("order|pedido|orden", [.term("order")]),
        ("purchase order|po|orden de compra", [.term("purchase order")]),
        ("credit note|nota de credito", [.term("credit note")]),
        ("delivery note|albaran", [.term("delivery note")]),
        ("quote|quotation|presupuesto|cotizacion", [.term("quote")]),
        ("refund|reembolso|devolucion", [.term("refund")]),
        ("payment|pago", [.term("payment")]),
        ("paid|pagada|pagado", [.term("paid")]),
        ("transaction|transaccion|movimiento", [.term("transaction")]),
        ("customer|client|cliente|buyer|comprador", [.term("customer")]),
        ("supplier|vendor|provider|proveedor|seller|vendedor", [.term("supplier")]),
        ("report|reporte|informe", [.term("report")]),
        ("revenue|sales|income|turnover|ingresos|ventas", [.term("revenue")]),
        ("document|documento|doc", [.term("document")]),
        ("html|html tag|html markup|markup|etiquetas html", [.term("html")]),
        // Fields.
        ("=importe|=importes|amount|amt|monto", [.term("amount")]),
        ("value|valor", [.term("value")]),
        ("price|unit price|precio|precio unitario", [.term("price")]),
        ("quantity|qty|cantidad|units", [.term("quantity")]),
        ("vat|tax|iva|impuesto|sales tax", [.term("vat")]),
        ("tax id|tax identification number|vat number|vat id|vat registration number|nif|cif|tin|ein|rfc", [.term("tax id")]),
        ("swift|bic|swift code|bic code", [.term("bic")]),
        ("date|fecha", [.term("date")]),
        ("issue date|date of issue|fecha de emision", [.term("issue date")]),
        ("due|due date|payment due date|fecha de vencimiento", [.term("due date")]),
        ("overdue|past due|past its due date|past the due date|vencida|vencido", [.term("overdue")]),
        ("phone|phone number|telephone|telephone number|mobile number|telefono|numero de telefono|movil", [.term("phone")]),
        ("name|nombre", [.term("name")]),
        ("full name|nombre completo", [.term("full name")]),
        ("first name|given name|forename|nombre de pila", [.term("first name")]),
        ("last name|surname|family name|apellido", [.term("last name")]),
        ("first and last name", [.term("first name"), .term("last name")]),
        ("tracking number|numero de seguimiento", [.term("tracking number")]),
        ("line item|item|linea|partida|articulo|concepto", [.term("line item")]),
        ("percent|percentage|%|por ciento|porcentaje|pct", [.term("percent")]),
        ("id|identifier|identificador", [.term("id")]),
        ("distinct|unique|unico|distinto", [.term("distinct")]),
        ("duplicate|repeated|duplicado|duplicada|repetido|repetida|dupe|dup", [.term("duplicate")]),
        (
            "empty|blank|null|missing|missing value|missing data|no value|no data|without a value|without value|sin valor|vacio|"
                + "vacia|en blanco", [.negation, .term("empty")]
        ),
        ("stock|in stock|available|en stock|disponible|existencias", [.term("stock")]),
        ("out of stock|sold out|agotado|sin stock|sin existencias", [.negation, .term("stock")]),
        ("symbol|sign|simbolo|signo", [.term("symbol")]),
        ("temp|temporary|tmp|temporal", [.term("temporary")]),
        ("postal code|zip code|postcode|codigo postal", [.term("postal code")]),
        ("whitespace|white space|space|espacio|espacios en blanco", [.term("whitespace")]),
        ("character|char|caracter", [.term("character")]),
        ("digit|digito", [.term("digit")]),
        ("decimal|decimal place|decimales", [.term("decimal")]),
        ("integer|int|whole number|entero", [.term("integer")]),
        ("sentence|frase|oracion", [.term("sentence")]),
        ("local time|hora local", [.term("local time")]),
        ("utc|gmt", [.term("utc")]),
        ("disk|local file|local disk|locally|disco", [.term("disk")]),
        ("log|registro de actividad", [.term("log")]),
        ("language|idioma|lengua", [.term("language")]),
        ("new|nuevo|nueva", [.term("new")]),
        ("old|viejo|antiguo|antigua", [.term("old")]),
        ("text|txt|texto|content|contenido|plain text|string|str|cadena", [.term("text")]),
        ("shipping|shipment|ship|envio", [.term("shipping")]),
        ("spend|spent|spending|expenditure|gasto|gastos|gastado|gastar", [.term("spend")]),
        ("as a list|as list|into a list|como lista|en una lista", [.term("list")]),
        ("dict|dictionary|diccionario", [.term("dict")]),
        ("status|state|estado", [.term("status")]),
        ("file|archivo|fichero", [.term("file")]),
        // Spreadsheets and databases.
        ("row|record|entry|line|fila|registro", [.term("row")]),
        ("column|col|field|columna|campo", [.term("column")]),
        ("cell|celda", [.term("cell")]),
        ("sheet|spreadsheet|worksheet|workbook|tab|hoja|hoja de calculo|planilla|pestana", [.term("sheet")]),
        ("tab separated|tab delimited|tsv", [.term("tsv")]),
        ("timesheet|time sheet|hoja de horas", [.term("timesheet")]),
        // Words whose stem is that of a negation ("note" and "not"): matched whole, before stemming.
        ("=note|=notes|=noted", [.term("note")]),
        ("table|tabla", [.term("table")]),
        ("database|db|base de datos|bd|bbdd", [.term("database")]),
        ("postgres|postgresql|pg|psql", [.term("postgres")]),
        ("excel|xlsx|xls", [.term("excel")]),
        ("zip|zip file|zip archive|archivo zip", [.term("zip")]),
        // Months, with their usual abbreviations ("may" is a stop word; "mar", "sep", "dec" and "ago" are other words: left out).
        ("january|jan|enero|ene", [.term("january")]),
        ("february|feb|febrero", [.term("february")]),
        ("march|marzo", [.term("march")]),
        ("april|apr|abril|abr", [.term("april")]),
        ("june|jun|junio", [.term("june")]),
        ("july|jul|julio", [.term("july")]),
        ("august|aug|agosto", [.term("august")]),
        ("september|sept|septiembre|setiembre", [.term("september")]),
        ("october|oct|octubre", [.term("october")]),
        ("november|nov|noviembre", [.term("november")]),
        ("december|diciembre|dic", [.term("december")]),
        // Spanish "leído" (read, of a message) and "sin leer" (unread): the state, as "unread" reads "read".
        ("=leido|=leidos|=leida|=leidas|=leer", [.term("read")]),
        // Time units.
        ("day|daily|per day|each day|every day|dia|diario|diaria", [.term("day")]),
        // A count of a time unit is a duration: "the number of days until due" is "the days until due".
        ("number of days|how many days|numero de dias|cuantos dias", [.term("day")]),
        ("number of hours|how many hours|numero de horas|cuantas horas", [.term("hour")]),
        ("week|weekly|semana|semanal", [.term("day"), .number(7, weak: true)]),
        ("month|monthly|per month|each month|every month|by month|mes|meses|mensual|mensualmente|por mes", [.term("month")]),
        ("year|yearly|annual|annually|ano|anual", [.term("year")]),
        ("quarter|quarterly|trimestre|trimestral", [.term("quarter")]),
        ("first quarter|primer trimestre", [.term("quarter"), .number(1, weak: false)]),
        ("second quarter|segundo trimestre", [.term("quarter"), .number(2, weak: false)]),
        ("third quarter|tercer trimestre", [.term("quarter"), .number(3, weak: false)]),
        ("fourth quarter|cuarto trimestre", [.term("quarter"), .number(4, weak: false)]),
    ]
}
