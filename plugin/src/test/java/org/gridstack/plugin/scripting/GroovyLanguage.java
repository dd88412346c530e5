package org.gridstack.plugin.scripting;

import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/** Groovy for SciJava's ScriptService in tests; Fiji brings its own (scripting-groovy, not on Maven Central). */
@Plugin(type = ScriptLanguage.class, name = "Groovy")
public class GroovyLanguage extends AdaptedScriptLanguage {
    public GroovyLanguage() {
        super("groovy");
    }
}
