package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnchangedCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static final String LIVE =
      """
      {'apiVersion':'v1','kind':'Service','metadata':{'name':'web','namespace':'default',
        'uid':'u1','resourceVersion':'7','labels':{'app':'web'},
        'managedFields':[{'manager':'cairn','operation':'Apply','apiVersion':'v1',
          'fieldsV1':{'f:metadata':{'f:labels':{'f:app':{}}},
            'f:spec':{'f:ports':{'k:{\\'port\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:port':{}}}}}}]},
       'spec':{'clusterIP':'10.0.0.1','ports':[{'port':80,'protocol':'TCP','targetPort':80}]},
       'status':{'loadBalancer':{}}}
      """;

  @Test
  void sameFieldsWithServerDefaultsAreProvenUnchanged() throws Exception {
    JsonNode desired =
        json(
            "{'apiVersion':'v1','kind':'Service','metadata':{'name':'web','namespace':'default',"
                + "'labels':{'app':'web'}},'spec':{'ports':[{'port':80}]}}");

    assertThat(UnchangedCheck.proven(desired, json(LIVE), "cairn")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a changed value | {'metadata':{'name':'web','labels':{'app':'api'}},'spec':{'ports':[{'port':80}]}}",
        "a new field | {'metadata':{'name':'web','labels':{'app':'web'}},'spec':{'type':'NodePort','ports':[{'port':80}]}}",
        "a dropped field this manager applied | {'metadata':{'name':'web'},'spec':{'ports':[{'port':80}]}}",
        "a list of another length | {'metadata':{'name':'web','labels':{'app':'web'}},'spec':{'ports':[{'port':80},{'port':81}]}}",
        "a new annotation | {'metadata':{'name':'web','labels':{'app':'web'},'annotations':{'a':'b'}},'spec':{'ports':[{'port':80}]}}"
      })
  void changesAreNotProvenUnchanged(String what, String desired) throws Exception {
    assertThat(UnchangedCheck.proven(json(desired), json(LIVE), "cairn")).as(what).isFalse();
  }

  @Test
  void objectsThisManagerNeverAppliedAreNotProven() throws Exception {
    JsonNode desired =
        json("{'metadata':{'name':'web','labels':{'app':'web'}},'spec':{'ports':[{'port':80}]}}");

    assertThat(UnchangedCheck.proven(desired, json(LIVE), "someone-else")).isFalse();
  }

  @Test
  void numbersCompareByValue() throws Exception {
    assertThat(UnchangedCheck.containedIn(json("{'a':1.0}"), json("{'a':1}"))).isTrue();
    assertThat(UnchangedCheck.containedIn(json("{'a':'1'}"), json("{'a':1}"))).isFalse();
    assertThat(
            UnchangedCheck.containedIn(
                json("{'resources':{'requests':{'cpu':0.5,'memory':'1024Mi'}}}"),
                json("{'resources':{'requests':{'cpu':'500m','memory':'1Gi'}}}")))
        .as("quantities compare as the server stores them")
        .isTrue();
    assertThat(
            UnchangedCheck.containedIn(
                json("{'resources':{'limits':{'cpu':'1'}}}"),
                json("{'resources':{'limits':{'cpu':'1500m'}}}")))
        .isFalse();
    assertThat(UnchangedCheck.containedIn(json("{'data':{'a':'1.0'}}"), json("{'data':{'a':'1'}}")))
        .as("only quantity fields")
        .isFalse();
  }
}
